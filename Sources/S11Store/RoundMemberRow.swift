import S11Core

/// One member organisation of a round as the board sees it: its audit, sector, lead, whether the
/// board holds its self-assessment, and how far its officers' returns have got.
public struct RoundMemberRow: Sendable, Hashable {
    public var auditID: Int64
    public var roundID: Int64
    public var member: RoundMember
    /// When the lead submitted the self-assessment to the board; nil when not submitted or since returned.
    public var submittedAt: String?
    public var submittedBy: String?
    public var declaration: String?
    public var returnedAt: String?
    public var returnReason: String?
    /// For an organisation this round reads through a crosswalk from its return to another
    /// board: the crosswalk's id (the submission fields are then its own board's). Nil for a member
    /// that answers this round's catalogue.
    public var crosswalkID: String?
    /// The audit's named officers, how many have started and how many submitted.
    public var officers: Int
    public var started: Int
    public var submittedReturns: Int

    init(_ row: SQLRow) {
        auditID = row["auditID"]
        roundID = row["roundID"]
        member = RoundMember(organisation: row["organisation"], sector: row["sector"], leadName: row["leadName"], leadEmail: row["leadEmail"])
        submittedAt = row["submittedAt"]
        submittedBy = row["submittedBy"]
        declaration = row["declaration"]
        returnedAt = row["returnedAt"]
        returnReason = row["returnReason"]
        crosswalkID = row["crosswalkID"]
        officers = row["officers"]
        started = row["started"]
        submittedReturns = row["submittedReturns"]
    }

    /// Where it stands on `today` against the round's `deadline`.
    public func stage(deadline: CalendarDate, today: CalendarDate) -> RoundStage {
        RoundStage.of(started: started > 0, submittedToBoard: submittedAt != nil, deadline: deadline, today: today)
    }
}
