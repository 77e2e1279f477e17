/// Someone who signs in to the coordinator's pages, and what they may see: the coordinator of one
/// organisation sees and runs that organisation's audits and nothing of any other; a board user
/// (no organisation) sees every organisation's summaries (returns counts, scorecards, plans) but
/// no officer's answers and changes nothing.
public struct Coordinator: Sendable, Hashable {
    public var email: String
    /// The organisation they coordinate; nil for a board user.
    public var organisation: String?
    /// For a board user, the board they work for: they see its rounds and its member organisations
    /// only. Nil for one from before boards were named, who sees every round on the server.
    public var board: String?
    /// The name they are known by ("Jo Bloggs, Safeguarding Lead"), which plans show as their author; nil until given.
    public var displayName: String?

    public init(email: String, organisation: String?, board: String? = nil, displayName: String? = nil) {
        self.email = email
        self.organisation = organisation
        self.board = organisation == nil ? board : nil
        self.displayName = displayName
    }

    /// How the plan, its versions and its history name them: their display name, else their e-mail address.
    public var author: String { displayName ?? email }

    /// Whether a board user may see a round of `board`.
    public func sees(board round: String) -> Bool {
        isBoard && (board.map { $0.lowercased() == round.lowercased() } ?? true)
    }

    /// A board user: summaries of every organisation, no returns, no changes.
    public var isBoard: Bool { organisation == nil }
}
