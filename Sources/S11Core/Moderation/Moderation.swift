/// A moderated rating: the band (or, for a requirement, the score on the survey's own scale) a
/// board's challenge panel or peer review gives a requirement or a standard after testing the
/// organisation's own rating. It sits beside the self rating, which is
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
    /// For a requirement moderated on the survey's own scale (a Pan-Cheshire panel's 0-3 score):
    /// the option the panel chose. Its place on the scale replaces the self score in the moderated
    /// percentages, and `rag` is its band. Nil for a moderation by band alone.
    public var option: String?
    public var reason: String
    public var by: String
    /// When, as ISO 8601 date and time.
    public var at: String

    /// " (score mostly)" for an option the panel chose on the scale; empty for none.
    public static func scoreText(_ option: String?) -> String { option.map { " (score \($0))" } ?? "" }

    /// The moderated rating in words: "Amber", or "Amber (score mostly)".
    public var text: String { rag.label + Self.scoreText(option) }

    public init(scope: Scope, rag: Rag, option: String? = nil, reason: String, by: String, at: String) {
        self.scope = scope
        self.rag = rag
        self.option = option
        self.reason = reason
        self.by = by
        self.at = at
    }
}
