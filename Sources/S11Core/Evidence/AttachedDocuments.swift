/// The names of the documents attached to each officer's answers, for scoring: an attached
/// document counts as the answer's best-practice example ("no example, no Blue").
public struct AttachedDocuments: Sendable, Hashable {
    private var names: [String: [String: [String]]] = [:]

    /// None.
    public static let none = AttachedDocuments([])

    /// The documents, by officer and question, in the order given.
    public init(_ documents: [EvidenceDocument]) {
        for document in documents {
            names[document.officerEmail.lowercased(), default: [:]][document.questionID, default: []].append(document.name)
        }
    }

    /// The names of the documents attached to the officer's answer to the question.
    public func names(officerEmail: String, questionID: String) -> [String] {
        names[officerEmail.lowercased()]?[questionID] ?? []
    }
}
