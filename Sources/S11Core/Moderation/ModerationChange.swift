/// One line of the moderation audit trail: who changed which rating, when, from what to what, and why.
public struct ModerationChange: Sendable, Hashable, Codable {
    public var scope: Moderation.Scope
    /// nil when there was no moderated rating before, or when it was withdrawn.
    public var old: Rag?
    public var new: Rag?
    /// The panel's scores on the scale, before and after, where the requirement was moderated so.
    public var oldOption: String?
    public var newOption: String?
    public var reason: String
    public var by: String
    public var at: String

    public init(scope: Moderation.Scope, old: Rag?, new: Rag?, oldOption: String? = nil, newOption: String? = nil,
                reason: String, by: String, at: String) {
        self.scope = scope
        self.old = old
        self.new = new
        self.oldOption = oldOption
        self.newOption = newOption
        self.reason = reason
        self.by = by
        self.at = at
    }
}
