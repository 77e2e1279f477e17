/// The rules of one staff confidence answer set as it arrives from the survey's page: each
/// profile choice and statement answered with one of its own options (anything else was not on
/// the page and is refused), and at least one statement answered.
public struct StaffAnswerRules: Sendable {
    public let survey: Survey
    public let scales: [Scale]

    public init(survey: Survey, scales: [Scale]) {
        self.survey = survey
        self.scales = scales
    }

    /// What is wrong with an answer set, in the survey's order.
    public enum Problem: Sendable, Hashable {
        /// A profile choice answered with a value that is not one of its options.
        case profileNotOffered(ProfileChoice)
        /// A statement answered with a value that is not on its scale.
        case answerNotOffered(Statement)
        /// No statement answered.
        case nothingAnswered
    }

    /// The answer set given `profile` (choice id -> value) and `answers` (statement id -> value),
    /// blank ones left out, on `day`; or what is wrong with it (and no answer set).
    public func response(profile: [String: String], answers: [String: String],
                         on day: CalendarDate) -> Result<StaffResponse, Problems> {
        var response = StaffResponse(profile: [:], answers: [:], submittedOn: day)
        var problems: [Problem] = []
        for choice in survey.profile {
            guard let value = profile[choice.id] else { continue }
            if choice.options.contains(where: { $0.value == value }) {
                response.profile[choice.id] = value
            } else {
                problems.append(.profileNotOffered(choice))
            }
        }
        for statement in survey.statements {
            guard let value = answers[statement.id] else { continue }
            let options = scales.first { $0.id == statement.scaleID }?.options ?? []
            if options.contains(where: { $0.value == value }) {
                response.answers[statement.id] = value
            } else {
                problems.append(.answerNotOffered(statement))
            }
        }
        if response.answers.isEmpty && problems.isEmpty { problems.append(.nothingAnswered) }
        return problems.isEmpty ? .success(response) : .failure(Problems(problems))
    }

    /// The problems of a refused answer set.
    public struct Problems: Error, Sendable, Hashable {
        public var all: [Problem]
        public init(_ all: [Problem]) { self.all = all }
    }
}
