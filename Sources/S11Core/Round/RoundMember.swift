/// A member organisation of a board's round: its sector and the lead who runs its audit.
public struct RoundMember: Sendable, Hashable {
    public var organisation: String
    /// "Local authority", "NHS trust", "Police", "School", "Voluntary sector"...
    public var sector: String
    public var leadName: String
    public var leadEmail: String

    public init(organisation: String, sector: String, leadName: String, leadEmail: String) {
        self.organisation = organisation
        self.sector = sector
        self.leadName = leadName
        self.leadEmail = leadEmail
    }
}
