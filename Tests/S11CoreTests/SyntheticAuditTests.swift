import Testing
@testable import S11Core

@Suite("Synthetic benchmark data")
struct SyntheticAuditTests {
    @Test func theSameSeedGivesTheSameCompleteValidReturns() {
        var first = SyntheticAudit(content: Fixture.content, seed: 7)
        var second = SyntheticAudit(content: Fixture.content, seed: 7)
        let officers = first.officers(organisation: 3, count: 5)
        #expect(officers == second.officers(organisation: 3, count: 5))
        let validator = ReturnValidator(content: Fixture.content, organisation: "Org 3", year: 2026, officers: officers)
        for officer in officers {
            let a = first.completeReturn(for: officer, organisation: "Org 3", year: 2026)
            let b = second.completeReturn(for: officer, organisation: "Org 3", year: 2026)
            #expect(a == b)
            #expect(a.answers.count == Fixture.content.questions(forRole: officer.role).count)   // complete
            #expect(validator.problems(in: a).isEmpty)
        }
    }

    @Test func theStaffCSVReadsBackThroughTheImporter() throws {
        let content = AuditContent(catalogue: Fixture.catalogue, scales: [Fixture.scale, StaffFixtures.likert],
                                   selfAssessment: Fixture.content.selfAssessment, staffSurvey: StaffFixtures.survey)
        var generator = SyntheticAudit(content: content)
        var csv = ""
        generator.staffCSV(responses: 250) { csv += $0 }
        let responses = try StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: content.scales).responses(fromCSV: csv, file: "staff.csv")
        #expect(responses.count == 250)
        #expect(responses.allSatisfy { $0.answers.count == StaffFixtures.survey.statements.count })
    }
}
