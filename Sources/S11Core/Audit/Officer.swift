/// A named officer who answers the self-assessment for their service area.
public struct Officer: Sendable, Hashable, Codable {
    public var name: String
    /// Lower-cased e-mail address; the officer's key within an audit.
    public var email: String
    /// A role id of the self-assessment survey.
    public var role: String
    public var serviceArea: String

    public init(name: String, email: String, role: String, serviceArea: String) {
        self.name = name
        self.email = email.lowercased()
        self.role = role
        self.serviceArea = serviceArea
    }
}
