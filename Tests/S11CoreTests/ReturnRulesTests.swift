import Testing
@testable import S11Core

/// The one set of rules a return keeps, whichever way it arrives (web page, file).
@Suite("Return rules")
struct ReturnRulesTests {
    /// The fixture's content with evidence required for Q1.1, as the shipped survey requires it everywhere.
    var rules: ReturnRules {
        var survey = Fixture.survey
        survey.sections[0].questions[0].evidenceRequired = true
        return ReturnRules(content: AuditContent(catalogue: Fixture.catalogue, scales: [Fixture.scale], selfAssessment: survey))
    }

    /// Ben (dso) is asked Q1.1, Q1.2 and Q3.1.
    func status(_ answers: [Answer]) -> ReturnStatus { rules.status(answers: answers, officer: Fixture.ben) }

    @Test func aWholeEvidencedReturnIsSubmitted() {
        #expect(status([Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "mostly", evidence: nil),
                        Fixture.answer("Q3.1", "not-met", evidence: nil)]) == .submitted)
    }

    @Test func requiredEvidenceMissingKeepsAReturnInProgress() {
        let answers = [Fixture.answer("Q1.1", "fully", evidence: nil), Fixture.answer("Q1.2", "mostly"), Fixture.answer("Q3.1", "fully")]
        #expect(status(answers) == .inProgress)
        let found = rules.shortfalls(answers: Dictionary(uniqueKeysWithValues: answers.map { ($0.questionID, $0) }),
                                     questions: rules.content.questions(forRole: "dso"))
        #expect(found.map(\.question.id) == ["Q1.1"])
        #expect(found.map(\.shortfall) == [.evidenceMissing])
        // N/A needs a reason, not evidence.
        #expect(rules.shortfall(Fixture.answer("Q1.1", "na", evidence: nil, reason: "No such service"),
                                question: rules.content.selfAssessment.question("Q1.1")!) == .invalid(.notApplicableNotAllowed))
    }

    @Test func unansweredCarriedAndInvalidAnswersEachFallShort() {
        let question = rules.content.selfAssessment.question("Q1.2")!
        #expect(rules.shortfall(nil, question: question) == .unanswered)
        #expect(rules.shortfall(Fixture.answer("Q1.2", ""), question: question) == .unanswered)
        var carried = Fixture.answer("Q1.2", "fully")
        carried.carried = true
        #expect(rules.shortfall(carried, question: question) == .carried)
        #expect(rules.shortfall(Fixture.answer("Q1.2", "brilliant"), question: question)
                == .invalid(.notOnScale(value: "brilliant", allowed: Fixture.scale.options.map(\.value))))
        #expect(rules.shortfall(Fixture.answer("Q1.2", "fully"), question: question) == nil)
    }

    @Test func aReturnWithNothingChosenIsNotStarted() {
        #expect(status([]) == .notStarted)
        #expect(status([Answer(questionID: "Q1.1", choice: .unanswered, evidence: "A draft note")]) == .notStarted)
        #expect(status([Fixture.answer("Q1.1", "fully")]) == .inProgress)
    }
}
