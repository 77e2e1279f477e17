/// The rules of an officer's return, decided here once for every way a return arrives: a page of
/// the web form, a submitted return, an XML or CSV file. What an answer may hold, and what must be
/// true before a return counts as submitted.
public struct ReturnRules: Sendable {
    public let content: AuditContent

    public init(content: AuditContent) {
        self.content = content
    }

    /// What is wrong with one answer, whoever wrote it.
    public enum AnswerProblem: Sendable, Hashable {
        case notOnScale(value: String, allowed: [String])
        case notApplicableNotAllowed
        case notApplicableWithoutReason
    }

    /// The rule every stored answer keeps: an option on the question's scale, or N/A with a reason
    /// where the requirement allows it. nil when the answer is fine (or not given yet).
    public func answerProblem(_ answer: Answer, question: Question) -> AnswerProblem? {
        let requirement = content.catalogue.requirement(question.requirementID)
        switch answer.choice {
        case .option(let value):
            guard let scale = content.scale(question.scaleID), scale.option(value) == nil else { return nil }
            return .notOnScale(value: value, allowed: scale.options.map(\.value) + (requirement?.naAllowed == true ? ["na"] : []))
        case .notApplicable:
            if requirement?.naAllowed != true { return .notApplicableNotAllowed }
            return answer.reason == nil ? .notApplicableWithoutReason : nil
        case .unanswered:
            return nil
        }
    }

    /// Why a question's answer keeps a return from being submitted.
    public enum Shortfall: Sendable, Hashable {
        /// No option chosen.
        case unanswered
        /// Last year's answer, not yet confirmed or changed.
        case carried
        /// An answer that breaks `answerProblem`.
        case invalid(AnswerProblem)
        /// The question asks for evidence and none is given (N/A needs none).
        case evidenceMissing
    }

    /// What keeps `answers` from being a submitted return to `questions`, in the questions' order;
    /// empty when the return may be submitted.
    public func shortfalls(answers: [String: Answer], questions: [Question]) -> [(question: Question, shortfall: Shortfall)] {
        questions.compactMap { question in
            shortfall(answers[question.id], question: question).map { (question, $0) }
        }
    }

    /// What keeps one question's answer from counting; nil when it counts.
    public func shortfall(_ answer: Answer?, question: Question) -> Shortfall? {
        guard let answer, answer.optionValue != nil else { return .unanswered }
        if answer.carried { return .carried }
        if let problem = answerProblem(answer, question: question) { return .invalid(problem) }
        if question.evidenceRequired, answer.choice != .notApplicable, answer.evidence == nil { return .evidenceMissing }
        return nil
    }

    /// Where a return stands once `answers` are stored: submitted when it may be (and the officer
    /// submits, or a file hands in a whole return), in progress while anything is answered.
    public func status(answers: [Answer], officer: Officer) -> ReturnStatus {
        let byID = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
        if shortfalls(answers: byID, questions: content.questions(forRole: officer.role)).isEmpty { return .submitted }
        return answers.contains { $0.optionValue != nil } ? .inProgress : .notStarted
    }
}
