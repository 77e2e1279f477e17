/// An audit cycle: one organisation's self-assessment for one year.
public struct AuditRecord: Sendable, Hashable {
    public var id: Int64
    public var organisation: String
    public var year: Int
    public var openedAt: String

    public init(id: Int64, organisation: String, year: Int, openedAt: String) {
        self.id = id
        self.organisation = organisation
        self.year = year
        self.openedAt = openedAt
    }
}
