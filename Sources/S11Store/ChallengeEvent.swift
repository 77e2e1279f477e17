import S11Core

/// A board's challenge event: when, its panel, and the organisations whose self-assessments it tests.
public struct ChallengeEvent: Sendable, Hashable {
    public var id: Int64
    public var roundID: Int64
    public var title: String
    public var heldOn: CalendarDate
    public var panel: [String]
    /// When it was scheduled (ISO 8601): the panel's moderations are those from then on.
    public var scheduledAt: String
    public var auditIDs: [Int64]

    init(_ row: SQLRow, auditIDs: [Int64]) {
        id = row["id"]
        roundID = row["roundID"]
        title = row["title"]
        heldOn = CalendarDate(iso: row["heldOn"]) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        panel = (row["panel"] as String).components(separatedBy: "; ")
        scheduledAt = row["scheduledAt"]
        self.auditIDs = auditIDs
    }
}
