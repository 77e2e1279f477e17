/// A document attached to an answer, as a scored answer names it: its id, for a link to it, and
/// its name.
public struct DocumentMention: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
