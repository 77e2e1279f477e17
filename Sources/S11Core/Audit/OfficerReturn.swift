/// An officer's return: their answers for one organisation's audit year.
public struct OfficerReturn: Sendable, Hashable {
    public var organisation: String
    public var year: Int
    public var officerEmail: String
    public var answers: [Answer]
    /// The documents the return names for its answers, to attach as their evidence.
    public var documents: [NamedDocument]
    public var location: SourceLocation?

    public init(organisation: String, year: Int, officerEmail: String, answers: [Answer],
                documents: [NamedDocument] = [], location: SourceLocation? = nil) {
        self.organisation = organisation
        self.year = year
        self.officerEmail = officerEmail.lowercased()
        self.answers = answers
        self.documents = documents
        self.location = location
    }

    /// True when every answer is given (an option, or N/A).
    public var isComplete: Bool { !answers.contains { $0.choice == .unanswered } }
}
