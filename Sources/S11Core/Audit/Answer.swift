/// One officer's answer to one question: a scale option or N/A with a reason, plus evidence.
public struct Answer: Sendable, Hashable, Codable {
    public enum Choice: Sendable, Hashable, Codable {
        case option(String)
        case notApplicable
        case unanswered
    }

    public var questionID: String
    public var choice: Choice
    public var evidence: String?
    /// A best-practice example, needed for Blue.
    public var example: String?
    /// Why the requirement does not apply; needed with N/A.
    public var reason: String?
    /// What the officer will do to improve, who will lead it and by when (for an answer below the top).
    public var improvement: Improvement?
    /// Last year's answer, given as this year's starting value and not yet confirmed or changed.
    public var carried: Bool
    public var location: SourceLocation?

    public init(questionID: String, choice: Choice, evidence: String? = nil, example: String? = nil,
                reason: String? = nil, improvement: Improvement? = nil, carried: Bool = false, location: SourceLocation? = nil) {
        self.questionID = questionID
        self.choice = choice
        self.evidence = Answer.clean(evidence)
        self.example = Answer.clean(example)
        self.reason = Answer.clean(reason)
        self.improvement = improvement
        self.carried = carried
        self.location = location
    }

    /// Text fields keep what was typed, but blank text counts as none.
    static func clean(_ text: String?) -> String? {
        guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }

    /// Nothing chosen and nothing written: a form's untouched question.
    public var isBlank: Bool {
        choice == .unanswered && evidence == nil && example == nil && reason == nil && improvement == nil
    }

    /// The stored form of the choice: the option value, `na`, or nil when unanswered.
    public var optionValue: String? {
        switch choice {
        case .option(let value): return value
        case .notApplicable: return Answer.notApplicableValue
        case .unanswered: return nil
        }
    }

    public static let notApplicableValue = "na"

    /// Builds the choice from its stored form.
    public static func choice(from value: String?) -> Choice {
        guard let value, !value.isEmpty else { return .unanswered }
        return value.lowercased() == notApplicableValue ? .notApplicable : .option(value)
    }
}
