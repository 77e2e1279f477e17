/// A moderated rating: the band a board's challenge panel or peer review gives a requirement or a
/// standard after testing the organisation's own rating. It sits beside the self rating, which is
/// kept, and it is the one that decides the gaps.
public struct Moderation: Sendable, Hashable, Codable {
    /// What was moderated.
    public enum Scope: Sendable, Hashable, Codable, CustomStringConvertible {
        case requirement(String)
        case standard(String)

        public var kind: String {
            switch self {
            case .requirement: return "requirement"
            case .standard: return "standard"
            }
        }

        public var id: String {
            switch self {
            case .requirement(let id), .standard(let id): return id
            }
        }

        public init?(kind: String, id: String) {
            switch kind {
            case "requirement": self = .requirement(id)
            case "standard": self = .standard(id)
            default: return nil
            }
        }

        public var description: String { "\(kind) \(id)" }
    }

    public var scope: Scope
    public var rag: Rag
    public var reason: String
    public var by: String
    /// When, as ISO 8601 date and time.
    public var at: String

    public init(scope: Scope, rag: Rag, reason: String, by: String, at: String) {
        self.scope = scope
        self.rag = rag
        self.reason = reason
        self.by = by
        self.at = at
    }
}
