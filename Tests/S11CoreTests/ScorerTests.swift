import Testing
@testable import S11Core

/// Scenario A, scored by hand (fully 100, mostly 66.67, partially 33.33, not-met 0):
///
/// | officer (area)             | Q1.1   | Q1.2      | Q2.1    | Q2.2      | Q3.1       |
/// |----------------------------|--------|-----------|---------|-----------|------------|
/// | Alice (Adult Social Care)  | fully  | mostly    | na      | partially |            |
/// | Ben (Children's Services)  | mostly | partially |         |           | unanswered |
/// | Cara (Housing)             | fully  | fully     | not-met | mostly    |            |
/// | Dan (Housing)              |        |           |         |           | unanswered |
@Suite("Scorer arithmetic")
struct ScorerTests {
    let card = Fixture.score([
        Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "mostly"),
                                    Fixture.answer("Q2.1", "na", reason: "We have no volunteers"),
                                    Fixture.answer("Q2.2", "partially")]),
        Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "mostly"), Fixture.answer("Q1.2", "partially"),
                                  Fixture.answer("Q3.1", "")]),
        Fixture.ret(Fixture.cara, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "fully"),
                                   Fixture.answer("Q2.1", "not-met"), Fixture.answer("Q2.2", "mostly")]),
        Fixture.ret(Fixture.dan, [Fixture.answer("Q3.1", "")]),
    ])

    func area(_ name: String) throws -> ServiceAreaScore {
        try #require(card.serviceAreas.first { $0.serviceArea == name })
    }

    @Test func answerPercentIsThePlaceOnTheScale() throws {
        let r12 = try #require(card.requirement("R1.2"))
        let alice = try #require(r12.answers.first { $0.officerEmail == Fixture.alice.email })
        #expect(close(alice.percent, 66.667))          // mostly: (2 - 0) / (3 - 0) * 100 = 66.67
        let ben = try #require(r12.answers.first { $0.officerEmail == Fixture.ben.email })
        #expect(close(ben.percent, 33.333))            // partially: 1 / 3 * 100 = 33.33
        #expect(ben.isGapOption)                       // the scale marks partially as a gap
        #expect(ben.optionLabel == "Partially")
    }

    @Test func requirementIsTheMeanOfItsOfficers() throws {
        #expect(close(card.requirement("R1.1")?.rating.percent, 88.889)) // (100 + 66.67 + 100) / 3 = 88.89
        #expect(close(card.requirement("R1.2")?.rating.percent, 66.667)) // (66.67 + 33.33 + 100) / 3 = 66.67
        #expect(card.requirement("R1.2")?.rating.rag == .amber)          // 50 <= 66.67 < 75
        #expect(close(card.requirement("R2.2")?.rating.percent, 50))     // (33.33 + 66.67) / 2 = 50
    }

    @Test func standardIsTheWeightedMeanOfItsRequirements() throws {
        let s1 = try #require(card.standards.first { $0.standardID == "S1" })
        // (1 * 88.89 + 2 * 66.67) / (1 + 2) = 222.22 / 3 = 74.07 (a plain mean would give 77.78)
        #expect(close(s1.rating.percent, 74.074))
        #expect(s1.rating.rag == .amber)                                  // 74.07 < 75
    }

    @Test func notApplicableIsLeftOutOfEveryScore() throws {
        let r21 = try #require(card.requirement("R2.1"))
        #expect(r21.answers.count == 2)                                  // Alice's N/A is kept on the card...
        #expect(r21.answers.first { $0.option == "na" }?.percent == nil) // ...without a percentage
        #expect(close(r21.rating.percent, 0))                            // only Cara's not-met: 0 / 1 = 0 (not 0 / 2)
        let adult = try area("Adult Social Care")
        // Alice's S2: R2.1 is all N/A, so only R2.2 counts: 33.33 (not (0 + 33.33) / 2 = 16.67)
        #expect(close(adult.standards["S2"]?.percent, 33.333))
    }

    @Test func notApplicableOnlyRequirementIsUnrated() throws {
        let card = Fixture.score([Fixture.ret(Fixture.alice, [Fixture.answer("Q2.1", "na", reason: "No volunteers"),
                                                              Fixture.answer("Q2.2", "fully")])])
        let r21 = try #require(card.requirement("R2.1"))
        #expect(r21.rating == .unrated)                                  // nothing counted: no percentage, no band
        // S2 = R2.2 alone = 100 (R2.1's weight is not in the denominator, else 50)
        #expect(close(card.standards.first { $0.standardID == "S2" }?.rating.percent, 100))
    }

    @Test func unansweredIsLeftOut() throws {
        let r31 = try #require(card.requirement("R3.1"))
        #expect(r31.answers.isEmpty)              // Ben and Dan left Q3.1 unanswered
        #expect(r31.rating == .unrated)
        #expect(card.returns == 3)                // Dan's return has nothing counted: Alice, Ben, Cara
    }

    @Test func standardWithNoAnswersIsUnratedAndLeftOutOfTheOrganisation() throws {
        let s3 = try #require(card.standards.first { $0.standardID == "S3" })
        #expect(s3.rating.percent == nil)
        #expect(s3.rating.rag == nil)
        // S2 = (1 * 0 + 1 * 50) / 2 = 25
        #expect(close(card.standards.first { $0.standardID == "S2" }?.rating.percent, 25))
        // Organisation = mean(S1 74.07, S2 25) = 49.54; counting S3 as 0 would give 33.02
        #expect(close(card.overall.percent, 49.537))
        #expect(card.overall.rag == .red)         // 49.54 < 50
    }

    @Test func serviceAreaPerStandardAndOverall() throws {
        let adult = try area("Adult Social Care")
        #expect(close(adult.standards["S1"]?.percent, 77.778))   // (1 * 100 + 2 * 66.67) / 3 = 77.78
        #expect(close(adult.overall.percent, 55.556))            // (77.78 + 33.33) / 2 = 55.56

        let children = try area("Children's Services")
        #expect(close(children.standards["S1"]?.percent, 44.444)) // (1 * 66.67 + 2 * 33.33) / 3 = 44.44
        #expect(children.standards["S2"] == nil)                 // Ben is not asked S2
        #expect(children.standards["S3"] == nil)                 // Ben left Q3.1 unanswered
        #expect(close(children.overall.percent, 44.444))         // only S1

        let housing = try area("Housing")
        #expect(close(housing.standards["S1"]?.percent, 100))    // Cara: (100 + 2 * 100) / 3
        #expect(close(housing.standards["S2"]?.percent, 33.333)) // Cara: (0 + 66.67) / 2
        #expect(close(housing.overall.percent, 66.667))          // (100 + 33.33) / 2
    }

    @Test func serviceAreasAreListedByName() {
        #expect(card.serviceAreas.map(\.serviceArea) == ["Adult Social Care", "Children's Services", "Housing"])
    }

    @Test func scaleMapsLowestToZeroAndHighestToHundred() throws {
        let scale = Fixture.scale
        #expect(scale.percent(for: try #require(scale.option("fully"))) == 100)
        #expect(scale.percent(for: try #require(scale.option("not-met"))) == 0)
        #expect(scale.levelsBetween(try #require(scale.option("fully")), try #require(scale.option("partially"))) == 2)
    }

    @Test func returnsOfUnknownOfficersAreNotScored() {
        let stranger = Officer(name: "Zed", email: "zed@elsewhere.org", role: "dso", serviceArea: "Nowhere")
        let card = Fixture.score([Fixture.ret(stranger, [Fixture.answer("Q1.1", "not-met")])])
        #expect(card.returns == 0)
        #expect(card.requirement("R1.1")?.answers.isEmpty == true)
        #expect(card.overall == .unrated)
    }
}
