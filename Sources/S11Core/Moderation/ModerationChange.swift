/// One line of the moderation audit trail: who changed which rating, when, from what to what, and why.
public struct ModerationChange: Sendable, Hashable, Codable {
    public var scope: Moderation.Scope
    /// nil when there was no moderated rating before, or when it was withdrawn.
    public var old: Rag?
    public var new: Rag?
    public var reason: String
    public var by: String
    public var at: String

    public init(scope: Moderation.Scope, old: Rag?, new: Rag?, reason: String, by: String, at: String) {
        self.scope = scope
        self.old = old
        self.new = new
        self.reason = reason
        self.by = by
        self.at = at
    }
}
