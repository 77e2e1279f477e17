import Testing
@testable import S11Core

@Suite("Content validator")
struct ContentValidatorTests {
    func messages(_ change: (inout ContentLibrary) -> Void) -> [String] {
        var library = Fixture.library
        change(&library)
        return ContentValidator().validate(library).map(\.message)
    }

    @Test func cleanLibraryHasNoDiagnostics() {
        #expect(ContentValidator().validate(Fixture.library) == [])
    }

    @Test func duplicateRequirementID() throws {
        let found = messages { library in
            // R2.2 renamed R1.1: the id clashes, and question Q2.2 now points at nothing.
            library.catalogues[0].standards[1].requirements[1].id = "R1.1"
            library.catalogues[0].standards[1].requirements[1].location = S11Core.SourceLocation(file: "cat.xml", line: 40, column: 5)
            library.catalogues[0].standards[0].requirements[0].location = S11Core.SourceLocation(file: "cat.xml", line: 12, column: 5)
        }
        let duplicate = try #require(found.first { $0.hasPrefix("duplicate requirement") })
        #expect(duplicate == "duplicate requirement id 'R1.1' (first at line 12); give each requirement its own id")
        #expect(found.contains("question 'Q2.2' points at requirement 'R2.2', which is not in catalogue 'test-cat'"))
        #expect(found.count == 2)
    }

    @Test func questionPointingAtAMissingRequirement() {
        let found = messages { $0.surveys[0].sections[0].questions[0].requirementID = "R9.9" }
        #expect(found.contains("question 'Q1.1' points at requirement 'R9.9', which is not in catalogue 'test-cat'"))
        // R1.1 has lost its question as a result.
        #expect(found.contains("requirement 'R1.1' is not asked in any self-assessment survey; add a question for it in Surveys/"))
        #expect(found.count == 2)
    }

    @Test func unknownScale() {
        let found = messages { $0.surveys[0].sections[2].questions[0].scaleID = "agreement5" }
        #expect(found == ["question 'Q3.1' uses scale 'agreement5', which is not defined in Surveys/scales"])
    }

    @Test(arguments: [0.0, -1.0])
    func weightMustBePositive(weight: Double) {
        let found = messages { $0.catalogues[0].standards[0].requirements[1].weight = weight }
        #expect(found.count == 1)
        #expect(found.first?.contains("requirement 'R1.2' has weight") == true)
        #expect(found.first?.hasSuffix("weights must be greater than 0") == true)
    }

    @Test func requirementNotAskedAnywhere() {
        let found = messages { $0.surveys[0].sections[1].questions.removeLast() }   // drop Q2.2
        #expect(found == ["requirement 'R2.2' is not asked in any self-assessment survey; add a question for it in Surveys/"])
    }

    @Test func leadRoleNotASurveyRole() {
        let found = messages { $0.catalogues[0].standards[2].requirements[0].improvement.leadRole = "ceo" }
        #expect(found == ["lead role 'ceo' of requirement 'R3.1' is not a role of the self-assessment survey (roles: dso, manager, strategic-lead)"])
    }

    @Test func sectionRoleNotDeclared() {
        let found = messages { $0.surveys[0].sections[2].roles.append("volunteer") }
        #expect(found == ["section for 'S3' names role 'volunteer', which is not declared under <roles>"])
    }

    @Test func bandsWithoutAZeroBand() throws {
        let found = messages { $0.surveys[0].bands.removeLast() }                 // drop red 0
        #expect(found.count == 1)
        let message = try #require(found.first)
        #expect(message.contains("survey 'test-self'"))
        #expect(message.contains("below 50.0%"))                                   // amber is now the lowest
        #expect(message.contains("minPercent=\"0\""))
    }

    @Test func bandsOutOfColourOrder() {
        let found = messages { $0.surveys[0].bands[1].minPercent = 40 }           // green below amber
        #expect(found == ["the bands of survey 'test-self' must rise in colour with the percentage (blue above green above amber above red)"])
    }

    @Test func bandGivenTwice() {
        let found = messages { $0.surveys[0].bands[2].rag = .green }
        #expect(found.contains("band 'green' is given twice in survey 'test-self'"))
    }

    @Test func surveyNamingAMissingCatalogue() {
        let found = messages { $0.surveys[0].catalogueID = "old-cat" }
        #expect(found.contains("survey 'test-self' names catalogue 'old-cat', which is not in Standards/"))
    }

    @Test func questionInTheWrongSection() {
        let found = messages { library in
            library.surveys[0].sections[0].questions[0].requirementID = "R2.1"    // Q1.1 now asks about an S2 requirement
        }
        #expect(found.contains("question 'Q1.1' asks about requirement 'R2.1', which belongs to another standard than section 'S1'"))
        #expect(found.contains("requirement 'R2.1' is asked twice in survey 'test-self' (also by question 'Q1.1')"))
    }

    @Test func scaleProblems() {
        let found = messages { library in
            library.scales[0].options.append(ScaleOption(value: "na", label: "Not applicable", score: 0))
            library.scales[0].options.append(ScaleOption(value: "fully", label: "Again", score: 3))
        }
        #expect(found.contains("scale 'compliance' lists option 'fully' twice"))
        #expect(found.contains("scale 'compliance' uses the option value 'na', which s11 keeps for not applicable"))
    }

    @Test func scaleWithOneScore() {
        let found = messages { $0.scales[0].options = [ScaleOption(value: "yes", label: "Yes", score: 1)] }
        #expect(found == ["scale 'compliance' needs at least two options with different scores"])
    }

    @Test func diagnosticWithoutALocationPointsAtAnUnknownFile() throws {
        var library = Fixture.library
        library.surveys[0].sections[2].questions[0].scaleID = "nope"
        let diagnostic = try #require(ContentValidator().validate(library).first)
        #expect(diagnostic.location == S11Core.SourceLocation(file: "?", line: 0, column: 0))
    }
}
