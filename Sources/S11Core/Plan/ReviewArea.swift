/// A gap the plan does not take on this year, kept in its appendix "Areas to keep under review"
/// with its finding, so that nothing the audit found is hidden by the plan's limit.
public struct ReviewArea: Sendable, Hashable, Codable {
    public var standardID: String
    public var standardTitle: String
    public var requirementID: String
    /// The objective it would have had (the requirement's improvement title).
    public var title: String
    public var finding: String

    public init(standardID: String, standardTitle: String, requirementID: String, title: String, finding: String) {
        self.standardID = standardID
        self.standardTitle = standardTitle
        self.requirementID = requirementID
        self.title = title
        self.finding = finding
    }
}
