import Testing
@testable import S11Core

/// Scenario A (see ScorerTests) as a board sees it, with a smallest group of two: every area
/// answered each requirement through one officer, so the areas fold into "Other service areas"
/// where at least two officers answered in them together, and are named nowhere where only one did.
@Suite struct ServiceAreaFoldingTests {
    let returns = [
        Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "mostly"),
                                    Fixture.answer("Q2.1", "na", reason: "We have no volunteers"), Fixture.answer("Q2.2", "partially")]),
        Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "mostly"), Fixture.answer("Q1.2", "partially")]),
        Fixture.ret(Fixture.cara, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "fully"),
                                   Fixture.answer("Q2.1", "not-met"), Fixture.answer("Q2.2", "mostly")]),
    ]

    func score(_ folding: ServiceAreaFolding?) -> Scorecard {
        Scorer(content: Fixture.content).score(organisation: Fixture.organisation, year: Fixture.year, officers: Fixture.officers,
                                               returns: returns, folding: folding)
    }

    @Test func areasOfOneOfficerFoldTogetherOrAreNotNamed() throws {
        let card = score(ServiceAreaFolding(smallestGroup: 2))
        // R1.1: three areas of one officer each, three officers together: "Other service areas".
        #expect(Set(try #require(card.requirement("R1.1")).answers.map(\.serviceArea)) == [ServiceAreaFolding.otherAreas])
        // R2.1: Cara's is the only scored answer (Alice's is N/A): no area is named.
        #expect(Set(try #require(card.requirement("R2.1")).answers.map(\.serviceArea)) == [""])
        // The board's table by service area has no area of one officer; the organisation's figures do not move.
        #expect(card.serviceAreas.map(\.serviceArea) == [ServiceAreaFolding.otherAreas])
        let whole = score(nil)
        #expect(card.overall == whole.overall && card.standards.map(\.rating) == whole.standards.map(\.rating))
        #expect(Set(whole.serviceAreas.map(\.serviceArea)) == ["Adult Social Care", "Children's Services", "Housing"])
    }

    @Test func theGapsFindingNamesNoAreaOfOneOfficer() throws {
        let card = score(ServiceAreaFolding(smallestGroup: 2))
        let gap = try #require(GapFinder().gaps(in: card).first { $0.requirementID == "R2.1" })
        #expect(gap.explanation.contains("Not met: a service area.") && !gap.explanation.contains("Housing"), "\(gap.explanation)")
        #expect(gap.serviceAreas.isEmpty)
        // Folding a gap found on the whole card gives the same as finding it on the folded card.
        let whole = score(nil)
        let found = try #require(GapFinder().gaps(in: whole).first { $0.requirementID == "R2.1" })
        #expect(ServiceAreaFolding(smallestGroup: 2).fold(found, answers: try #require(whole.requirement("R2.1")).answers) == gap)
    }

    @Test func aSmallestGroupOfOneFoldsNothing() {
        #expect(score(ServiceAreaFolding(smallestGroup: 1)) == score(nil))
    }
}
