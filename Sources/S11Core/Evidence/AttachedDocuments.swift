/// The documents attached to each officer's answers, for scoring: an attached document counts as
/// the answer's best-practice example ("no example, no Blue").
public struct AttachedDocuments: Sendable, Hashable {
    private var mentions: [String: [String: [DocumentMention]]] = [:]

    /// None.
    public static let none = AttachedDocuments([])

    /// The documents, by officer and question, in the order given; one still carried from last
    /// year and not kept counts for nothing.
    public init(_ documents: [EvidenceDocument]) {
        for document in documents where !document.carried {
            mentions[document.officerEmail.lowercased(), default: [:]][document.questionID, default: []]
                .append(DocumentMention(id: document.id, name: document.name))
        }
    }

    /// The documents attached to the officer's answer to the question.
    public func mentions(officerEmail: String, questionID: String) -> [DocumentMention] {
        mentions[officerEmail.lowercased()]?[questionID] ?? []
    }
}
