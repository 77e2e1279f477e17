import S11Core

/// A row of the challengeEvent table: a challenge event without its organisations (which the
/// challengeEventMember table lists).
struct ChallengeEventRow: SQLRecord {
    var id: Int64
    var roundID: Int64
    var title: String
    var heldOn: CalendarDate
    var panel: [String]
    var scheduledAt: String

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "challengeEvent")
        id = try columns("id")
        roundID = try columns("roundID")
        title = try columns("title")
        heldOn = try columns("heldOn")
        panel = (try columns("panel") as String).components(separatedBy: "; ")
        scheduledAt = try columns("scheduledAt")
    }

    /// The event, testing the organisations of `auditIDs`.
    func event(auditIDs: [Int64]) -> ChallengeEvent {
        ChallengeEvent(id: id, roundID: roundID, title: title, heldOn: heldOn, panel: panel, scheduledAt: scheduledAt, auditIDs: auditIDs)
    }
}
