import Testing
@testable import S11Core

@Suite("Return validator")
struct ReturnValidatorTests {
    let validator = ReturnValidator(content: Fixture.content, organisation: Fixture.organisation,
                                    year: Fixture.year, officers: Fixture.officers)

    /// An answer placed on its own line of returns.csv, so problems can be matched to it.
    func answer(_ question: String, _ option: String, line: Int, reason: String? = nil) -> Answer {
        var answer = Fixture.answer(question, option, reason: reason)
        answer.location = S11Core.SourceLocation(file: "returns.csv", line: line, column: 3)
        return answer
    }

    func problems(_ officer: Officer, _ answers: [Answer]) -> [Diagnostic] {
        validator.problems(in: Fixture.ret(officer, answers))
    }

    @Test func goodReturnHasNoProblems() {
        // Cara (manager) answers S1 and S2, including a reasoned N/A where N/A is allowed.
        #expect(problems(Fixture.cara, [answer("Q1.1", "fully", line: 2), answer("Q1.2", "mostly", line: 3),
                                        answer("Q2.1", "na", line: 4, reason: "We have no volunteers"),
                                        answer("Q2.2", "not-met", line: 5)]) == [])
        // Ben (dso) answers S1 and S3; leaving one unanswered is not a problem here.
        #expect(problems(Fixture.ben, [answer("Q1.1", "partially", line: 2), answer("Q3.1", "", line: 3)]) == [])
    }

    @Test func officerEmailIsMatchedIgnoringCase() {
        let ret = OfficerReturn(organisation: Fixture.organisation, year: Fixture.year,
                                officerEmail: "CARA@Testshire.gov.uk", answers: [answer("Q1.1", "fully", line: 2)])
        #expect(validator.problems(in: ret) == [])
    }

    @Test func unknownOfficer() throws {
        let stranger = Officer(name: "Zed", email: "zed@elsewhere.org", role: "dso", serviceArea: "Nowhere")
        let found = problems(stranger, [answer("Q9.9", "fully", line: 2)])
        #expect(found.count == 1)                                 // nothing else is checked without an officer
        let message = try #require(found.first?.message)
        #expect(message.contains("no officer with e-mail 'zed@elsewhere.org'"))
        #expect(message.contains("\(Fixture.organisation) 2026"))
        #expect(found.first?.location.line == 2)                  // the return's own location
    }

    @Test func unknownQuestion() throws {
        let found = problems(Fixture.cara, [answer("Q1.1", "fully", line: 2), answer("Q7.7", "fully", line: 3)])
        #expect(found.count == 1)
        #expect(found.first?.location.line == 3)
        #expect(found.first?.message.contains("unknown question 'Q7.7'") == true)
    }

    @Test func questionNotAskedOfTheRole() throws {
        // S3 is asked of dso only; Cara is a manager.
        let found = problems(Fixture.cara, [answer("Q3.1", "fully", line: 4)])
        #expect(found.count == 1)
        #expect(found.first?.location.line == 4)
        #expect(found.first?.message == "question 'Q3.1' is not asked of Cara Cole (role manager)")
    }

    @Test func optionNotOnTheScale() throws {
        let found = problems(Fixture.ben, [answer("Q1.1", "excellent", line: 2)])
        #expect(found.count == 1)
        #expect(found.first?.message == "'excellent' is not on the scale for question 'Q1.1'; use one of: fully, mostly, partially, not-met")
    }

    @Test func optionNotOnTheScaleOffersNAWhereAllowed() throws {
        let found = problems(Fixture.cara, [answer("Q2.1", "yes", line: 2)])
        #expect(found.first?.message.hasSuffix("use one of: fully, mostly, partially, not-met, na") == true)
    }

    @Test func notApplicableWhereTheRequirementDoesNotAllowIt() throws {
        let found = problems(Fixture.cara, [answer("Q2.2", "na", line: 6, reason: "Not our job")])
        #expect(found.count == 1)
        #expect(found.first?.location.line == 6)
        #expect(found.first?.message == "question 'Q2.2' cannot be answered N/A: requirement 'R2.2' applies to every organisation")
    }

    @Test func notApplicableWithoutAReason() throws {
        let found = problems(Fixture.cara, [answer("Q2.1", "na", line: 2, reason: "  ")])   // blank is no reason
        #expect(found.count == 1)
        #expect(found.first?.message.contains("answered N/A without a reason") == true)
    }

    @Test func duplicateAnswer() throws {
        let found = problems(Fixture.alice, [answer("Q1.1", "fully", line: 2), answer("Q1.1", "mostly", line: 3)])
        #expect(found.count == 1)
        #expect(found.first?.location.line == 3)                  // the second answer is the duplicate
        #expect(found.first?.message == "question 'Q1.1' is answered twice")
    }

    @Test(arguments: [("Other Borough Council", 2026), (Fixture.organisation, 2025)])
    func wrongOrganisationOrYear(organisation: String, year: Int) throws {
        let ret = OfficerReturn(organisation: organisation, year: year, officerEmail: Fixture.alice.email,
                                answers: [answer("Q1.1", "fully", line: 2)])
        let found = validator.problems(in: ret)
        #expect(found.count == 1)
        #expect(found.first?.message == "this return is for \(organisation) \(year), but the audit is \(Fixture.organisation) 2026")
    }

    @Test func organisationIsMatchedIgnoringCase() {
        let ret = OfficerReturn(organisation: Fixture.organisation.uppercased(), year: Fixture.year,
                                officerEmail: Fixture.alice.email, answers: [answer("Q1.1", "fully", line: 2)])
        #expect(validator.problems(in: ret) == [])
    }

    @Test func everyProblemIsReported() {
        let found = problems(Fixture.alice, [answer("Q1.1", "bogus", line: 2), answer("Q7.7", "fully", line: 3),
                                             answer("Q2.2", "na", line: 4, reason: "x"), answer("Q1.1", "fully", line: 5)])
        #expect(found.map(\.location.line) == [2, 3, 4, 5])
    }

    /// A document must be named from the return's folder, for a question the return answers, once.
    @Test func documentsAreNamedInsideTheReturnsFolderForAnAnsweredQuestion() {
        var ret = Fixture.ret(Fixture.cara, [answer("Q1.1", "fully", line: 2)])
        let named = ["evidence/policy.pdf", "../secret.pdf", "/etc/passwd", "evidence//x.pdf", "evidence/policy.pdf"]
        ret.documents = named.enumerated().map { NamedDocument(questionID: "Q1.1", path: $1, location: S11Core.SourceLocation(file: "r.csv", line: $0 + 2, column: 5)) }
        ret.documents.append(NamedDocument(questionID: "Q1.2", path: "minutes.pdf", location: S11Core.SourceLocation(file: "r.csv", line: 9, column: 5)))
        let found = validator.problems(in: ret)
        #expect(found.map(\.location.line) == [3, 4, 5, 6, 9])
        #expect(found[0].message.contains("leaves the return's folder") && found[1].message.contains("not a path relative to the return"))
        #expect(found[3].message.contains("named twice") && found[4].message.contains("which this return does not answer"))
    }
}
