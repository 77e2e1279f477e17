import Testing
@testable import S11Core

@Suite("Return CSV reader")
struct ReturnCSVReaderTests {
    let reader = ReturnCSVReader(organisation: Fixture.organisation, year: Fixture.year)

    func read(_ csv: String) throws(DiagnosticsError) -> [OfficerReturn] {
        try reader.returns(fromCSV: csv, file: "returns.csv")
    }

    @Test func rowsAreGroupedByOfficerInFirstAppearanceOrder() throws {
        let returns = try read("""
            officer_email,question,option,evidence,example,reason
            cara@testshire.gov.uk,Q1.1,fully,Board minutes,,
            ben@testshire.gov.uk,Q1.1,mostly,,,
            CARA@testshire.gov.uk,Q1.2,partially,,,
            ben@testshire.gov.uk,Q3.1,not-met,,,
            """)
        #expect(returns.map(\.officerEmail) == ["cara@testshire.gov.uk", "ben@testshire.gov.uk"])
        #expect(returns.map { $0.answers.map(\.questionID) } == [["Q1.1", "Q1.2"], ["Q1.1", "Q3.1"]])
        #expect(returns.allSatisfy { $0.organisation == Fixture.organisation && $0.year == 2026 })
        #expect(returns.first?.location?.line == 2)             // Cara's first row
        #expect(returns.last?.location?.line == 3)              // Ben's first row
    }

    @Test func choicesAndTexts() throws {
        let returns = try read("""
            officer_email,question,option,evidence,example,reason
            cara@testshire.gov.uk,Q1.1,fully,"Minutes, March",Joint audit,
            cara@testshire.gov.uk,Q1.2,,,,
            cara@testshire.gov.uk,Q2.1,NA,,,We have no volunteers
            cara@testshire.gov.uk,Q2.2, Mostly ,  ,,
            """)
        let answers = try #require(returns.first?.answers)
        #expect(answers.map(\.choice) == [.option("fully"), .unanswered, .notApplicable, .option("Mostly")])
        #expect(answers[0].evidence == "Minutes, March")
        #expect(answers[0].example == "Joint audit")
        #expect(answers[2].reason == "We have no volunteers")
        #expect(answers[3].evidence == nil)                      // blank evidence is none
        #expect(answers[1].location?.line == 3)                  // the option field of its row
        #expect(answers[1].location?.column == 28)               // "cara@testshire.gov.uk,Q1.2," is 27 characters
        #expect(returns.first?.isComplete == false)              // Q1.2 is unanswered
    }

    @Test func optionalColumnsMayBeLeftOut() throws {
        let returns = try read("officer_email,question,option\nben@testshire.gov.uk,Q1.1,fully\n")
        let answer = try #require(returns.first?.answers.first)
        #expect(answer.choice == .option("fully"))
        #expect(answer.evidence == nil && answer.example == nil && answer.reason == nil)
        #expect(returns.first?.isComplete == true)
    }

    @Test func missingEmailIsAnErrorWithTheRowLine() throws {
        var returns: [OfficerReturn]? = nil
        let found = diagnostics { returns = try read("""
            officer_email,question,option
            ben@testshire.gov.uk,Q1.1,fully
            ,Q1.2,fully
            ben@testshire.gov.uk,,fully
            """) }
        #expect(returns == nil)
        #expect(found.map(\.message) == ["row 3: the officer's e-mail is empty", "row 4: the question id is empty"])
        #expect(found.map(\.location.line) == [3, 4])
    }

    @Test func anImprovementIsReadFromItsFourColumnsAndALeadAloneProposesNothing() throws {
        let returns = try read("""
            officer_email,question,option,evidence,improvement,improvement_lead,improvement_by,improvement_measure
            ben@testshire.gov.uk,Q1.1,partially,Minutes,Newsletter with MyConcern data,Dani Granito,June 2027,Read by every DSO
            ben@testshire.gov.uk,Q1.2,partially,Minutes,,Dani Granito,,
            """)
        let answers = try #require(returns.first?.answers)
        #expect(answers.first?.improvement == Improvement(action: "Newsletter with MyConcern data", lead: "Dani Granito", by: "June 2027",
                                                          measure: "Read by every DSO"))
        #expect(answers.last?.improvement == nil)
    }

    @Test func missingRequiredColumn() throws {
        let found = diagnostics { _ = try read("officer_email,question\nben@testshire.gov.uk,Q1.1\n") }
        #expect(found.count == 1)
        let message = try #require(found.first?.message)
        #expect(message.contains("lacks column option"))
        #expect(message.contains("may add evidence,example,reason,improvement,improvement_lead,improvement_by,improvement_measure"))
    }

    @Test func optionValuesWithCapitalsSurviveTheReader() throws {
        // Option values are ids ([A-Za-z][A-Za-z0-9._-]*), so a scale may spell them "Fully".
        var content = Fixture.content
        content.scales[0].options = content.scales[0].options.map { option in
            var option = option
            option.value = option.value.prefix(1).uppercased() + option.value.dropFirst()
            return option
        }
        #expect(ContentValidator().validate(ContentLibrary(catalogues: [content.catalogue], scales: content.scales,
                                                           surveys: [content.selfAssessment])) == [])
        let returns = try read("officer_email,question,option\nben@testshire.gov.uk,Q1.1,Fully\n")
        let ret = try #require(returns.first)
        let validator = ReturnValidator(content: content, organisation: Fixture.organisation, year: Fixture.year,
                                        officers: Fixture.officers)
        #expect(validator.problems(in: ret) == [])
        let card = Fixture.score(returns, content: content)
        #expect(card.requirement("R1.1")?.rating.percent == 100)
        // And a spreadsheet's "FULLY" still finds the scale's "Fully".
        let shouted = try read("officer_email,question,option\nben@testshire.gov.uk,Q1.1,FULLY\n")
        #expect(validator.problems(in: try #require(shouted.first)) == [])
    }

    @Test func choiceFromItsStoredForm() {
        #expect(Answer.choice(from: nil) == .unanswered)
        #expect(Answer.choice(from: "") == .unanswered)
        #expect(Answer.choice(from: "na") == .notApplicable)
        #expect(Answer.choice(from: "fully") == .option("fully"))
        #expect(Answer(questionID: "Q", choice: .notApplicable).optionValue == "na")
        #expect(Answer(questionID: "Q", choice: .unanswered).optionValue == nil)
    }

    /// The documents column names files for the row's answer, separated by ';'.
    @Test func theDocumentsColumnNamesFilesForItsAnswer() throws {
        let returns = try read("""
            officer_email,question,option,evidence,documents
            cara@testshire.gov.uk,Q1.1,fully,Minutes,evidence/policy.pdf; evidence/minutes march.docx
            cara@testshire.gov.uk,Q1.2,mostly,Audit,
            """)
        let documents = try #require(returns.first?.documents)
        #expect(documents.map(\.path) == ["evidence/policy.pdf", "evidence/minutes march.docx"])
        #expect(documents.allSatisfy { $0.questionID == "Q1.1" && $0.location?.line == 2 })
    }
}
