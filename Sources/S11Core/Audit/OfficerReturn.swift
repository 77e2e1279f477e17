/// An officer's return: their answers for one organisation's audit year.
public struct OfficerReturn: Sendable, Hashable {
    public var organisation: String
    public var year: Int
    public var officerEmail: String
    public var answers: [Answer]
    public var location: SourceLocation?

    public init(organisation: String, year: Int, officerEmail: String, answers: [Answer],
                location: SourceLocation? = nil) {
        self.organisation = organisation
        self.year = year
        self.officerEmail = officerEmail.lowercased()
        self.answers = answers
        self.location = location
    }

    /// True when every answer is given (an option, or N/A).
    public var isComplete: Bool { !answers.contains { $0.choice == .unanswered } }
}
