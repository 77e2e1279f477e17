/// How staff answers are packed for storage and counting: one byte per question (the profile
/// choices and the statements), 0 when unanswered, n for the question's n-th value. A million
/// answer sets of twenty questions take twenty megabytes instead of a dictionary each.
///
/// A codebook only grows: new questions and values go at the end, so codes packed earlier keep
/// their meaning.
public struct StaffCodebook: Sendable, Hashable, Codable {
    /// One question and the values its codes stand for (code n is `values[n - 1]`).
    public struct Question: Sendable, Hashable, Codable {
        public var id: String
        /// A profile choice (service area, role) rather than a statement.
        public var isProfile: Bool
        public var values: [String]

        public init(id: String, isProfile: Bool, values: [String]) {
            self.id = id
            self.isProfile = isProfile
            self.values = values
        }
    }

    /// A question may have at most this many values, so that a code fits a byte.
    public static let maximumValues = 255

    public private(set) var questions: [Question] = []

    public init(questions: [Question] = []) {
        for question in questions {
            if position(of: question.id) == nil { _ = appendQuestion(question) }
            for value in question.values { _ = try? code(for: value, question: question) }
        }
    }

    /// The survey's questions: profile choices, then statements with their scale's values.
    public init(survey: Survey, scales: [Scale]) {
        self.init(questions: survey.profile.map { Question(id: $0.id, isProfile: true, values: $0.options.map(\.value)) }
            + survey.statements.map { statement in
                Question(id: statement.id, isProfile: false,
                         values: scales.first { $0.id == statement.scaleID }?.options.map(\.value) ?? [])
            })
    }

    /// The question's position in a packed answer set.
    public func position(of questionID: String) -> Int? { questions.firstIndex { $0.id == questionID } }

    /// The code of `value` for the question, or nil when the codebook does not know it.
    public func code(of value: String, question questionID: String) -> UInt8? {
        guard let position = position(of: questionID), let index = questions[position].values.firstIndex(of: value) else { return nil }
        return UInt8(index + 1)
    }

    /// Adds what `other` has and this codebook lacks, at the end.
    public mutating func merge(_ other: StaffCodebook) throws(StaffCodebookFull) {
        for question in other.questions {
            for value in question.values { _ = try code(for: value, question: question) }
            if position(of: question.id) == nil { _ = appendQuestion(question) }
        }
    }

    /// Packs an answer set, adding any question or value not yet known.
    public mutating func pack(_ response: StaffResponse) throws(StaffCodebookFull) -> [UInt8] {
        var pairs: [(position: Int, code: UInt8)] = []
        let given = response.profile.sorted { $0.key < $1.key }.map { ($0.key, $0.value, true) }
            + response.answers.sorted { $0.key < $1.key }.map { ($0.key, $0.value, false) }
        for (id, value, isProfile) in given {
            let code = try code(for: value, question: Question(id: id, isProfile: isProfile, values: []))
            pairs.append((position(of: id)!, code))
        }
        var codes = [UInt8](repeating: 0, count: questions.count)
        for pair in pairs { codes[pair.position] = pair.code }
        return codes
    }

    /// Unpacks an answer set; codes beyond the codebook are ignored.
    public func unpack(_ codes: some Collection<UInt8>, submittedOn: CalendarDate?) -> StaffResponse {
        var response = StaffResponse(profile: [:], answers: [:], submittedOn: submittedOn)
        for (position, code) in codes.enumerated() where code != 0 && position < questions.count {
            let question = questions[position]
            guard Int(code) <= question.values.count else { continue }
            let value = question.values[Int(code) - 1]
            if question.isProfile { response.profile[question.id] = value } else { response.answers[question.id] = value }
        }
        return response
    }

    private mutating func appendQuestion(_ question: Question) -> Int {
        questions.append(Question(id: question.id, isProfile: question.isProfile, values: []))
        return questions.count - 1
    }

    /// The value's code for the question, adding the question or the value when new.
    private mutating func code(for value: String, question: Question) throws(StaffCodebookFull) -> UInt8 {
        let position = position(of: question.id) ?? appendQuestion(question)
        if let index = questions[position].values.firstIndex(of: value) { return UInt8(index + 1) }
        guard questions[position].values.count < Self.maximumValues else { throw StaffCodebookFull(questionID: question.id) }
        questions[position].values.append(value)
        return UInt8(questions[position].values.count)
    }
}

/// A staff survey question with more distinct answers than a stored code can tell apart.
public struct StaffCodebookFull: Error, Sendable, CustomStringConvertible {
    public var questionID: String
    public var description: String {
        "question \(questionID) has more than \(StaffCodebook.maximumValues) different answers; a staff survey question offers a short list of options"
    }
}
