/// Someone who signs in to the coordinator's pages, and what they may see: the coordinator of one
/// organisation sees and runs that organisation's audits and nothing of any other; a board user
/// (no organisation) sees every organisation's summaries (returns counts, scorecards, plans) but
/// no officer's answers and changes nothing.
public struct Coordinator: Sendable, Hashable {
    public var email: String
    /// The organisation they coordinate; nil for a board user.
    public var organisation: String?

    public init(email: String, organisation: String?) {
        self.email = email
        self.organisation = organisation
    }

    /// A board user: summaries of every organisation, no returns, no changes.
    public var isBoard: Bool { organisation == nil }
}
