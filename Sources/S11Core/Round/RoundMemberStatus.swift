/// One member organisation of a round as the board sees it: its audit, sector, lead, whether the
/// board holds its self-assessment, and how far its officers' returns have got.
public struct RoundMemberStatus: Sendable, Hashable {
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

    public init(auditID: Int64, roundID: Int64, member: RoundMember, submittedAt: String?, submittedBy: String?, declaration: String?, returnedAt: String?, returnReason: String?, crosswalkID: String?, officers: Int, started: Int, submittedReturns: Int) {
        self.auditID = auditID
        self.roundID = roundID
        self.member = member
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.declaration = declaration
        self.returnedAt = returnedAt
        self.returnReason = returnReason
        self.crosswalkID = crosswalkID
        self.officers = officers
        self.started = started
        self.submittedReturns = submittedReturns
    }

    /// Where it stands on `today` against the round's `deadline`.
    public func stage(deadline: CalendarDate, today: CalendarDate) -> RoundStage {
        RoundStage.of(started: started > 0, submittedToBoard: submittedAt != nil, deadline: deadline, today: today)
    }
}
