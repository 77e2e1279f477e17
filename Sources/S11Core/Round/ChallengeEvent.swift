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

    public init(id: Int64, roundID: Int64, title: String, heldOn: CalendarDate, panel: [String], scheduledAt: String, auditIDs: [Int64]) {
        self.id = id
        self.roundID = roundID
        self.title = title
        self.heldOn = heldOn
        self.panel = panel
        self.scheduledAt = scheduledAt
        self.auditIDs = auditIDs
    }
}
