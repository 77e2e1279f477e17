import Testing
@testable import S11Core

@Suite("Gap finder")
struct GapFinderTests {
    func gaps(_ returns: [OfficerReturn]) -> [Gap] {
        GapFinder().gaps(in: Fixture.score(returns))
    }

    func lowRating(_ gap: Gap) -> Rating? {
        for case .lowRating(let rating) in gap.reasons { return rating }
        return nil
    }

    func gapAnswers(_ gap: Gap) -> [ScoredAnswer]? {
        for case .gapAnswers(let answers) in gap.reasons { return answers }
        return nil
    }

    func spread(_ gap: Gap) -> Int? {
        for case .inconsistentPractice(let spread) in gap.reasons { return spread }
        return nil
    }

    @Test func amberRequirementIsAGap() throws {
        // R1.2: Alice mostly 66.67, Cara mostly 66.67 -> 66.67 Amber; no gap answers, spread 0.
        let found = gaps([Fixture.ret(Fixture.alice, [Fixture.answer("Q1.2", "mostly")]),
                          Fixture.ret(Fixture.cara, [Fixture.answer("Q1.2", "mostly")])])
        #expect(found.map(\.requirementID) == ["R1.2"])
        let gap = try #require(found.first)
        #expect(gap.standardID == "S1")
        #expect(lowRating(gap)?.rag == .amber)
        #expect(gapAnswers(gap) == nil)
        #expect(spread(gap) == nil)
    }

    @Test func redRequirementIsAGap() throws {
        // R2.2: Cara not-met -> 0% Red, and not-met is a gap option.
        let gap = try #require(gaps([Fixture.ret(Fixture.cara, [Fixture.answer("Q2.2", "not-met")])]).first)
        #expect(gap.requirementID == "R2.2")
        #expect(lowRating(gap)?.rag == .red)
        #expect(gapAnswers(gap)?.map(\.officerName) == ["Cara Cole"])
    }

    @Test func greenRequirementWithOnePartialAnswerIsStillAGap() throws {
        // Harrow rule. R1.1: Alice, Ben, Cara fully (100), Dan partially (33.33)
        // = (300 + 33.33) / 4 = 83.33, Green with evidence; Dan's answer still needs an action.
        let card = Fixture.score([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully")]),
            Fixture.ret(Fixture.cara, [Fixture.answer("Q1.1", "fully")]),
            Fixture.ret(Fixture.dan, [Fixture.answer("Q1.1", "partially")]),
        ])
        #expect(close(card.requirement("R1.1")?.rating.percent, 83.333))
        #expect(card.requirement("R1.1")?.rating.rag == .green)
        let gap = try #require(GapFinder().gaps(in: card).first { $0.requirementID == "R1.1" })
        #expect(lowRating(gap) == nil)                              // not a gap by its band
        let answers = try #require(gapAnswers(gap))
        #expect(answers.map(\.officerName) == ["Dan Dale"])
        #expect(answers.first?.serviceArea == "Housing")
        #expect(gap.explanation.contains("Partially: Housing."))
        #expect(!gap.explanation.contains("Dan Dale"))                 // the plan goes to the board: no officer by name
        #expect(spread(gap) == 2)                                   // fully (3) vs partially (1)
        // Housing = (Cara 100 + Dan 33.33) / 2 = 66.67, the others 100.
        #expect(gap.weakestServiceArea == "Housing")
    }

    @Test func fullyAgainstPartiallyIsInconsistentPractice() throws {
        // Fully (100) and partially (33.33): mean 66.67, spread 2 steps.
        let gap = try #require(gaps([Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")]),
                                     Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "partially")])]).first)
        #expect(spread(gap) == 2)
        #expect(gap.explanation.contains("Answers differ by 2 steps"))
        #expect(gap.explanation.contains("inconsistent practice"))
    }

    @Test func fullyAgainstMostlyIsNotAGap() throws {
        // Fully (100) and mostly (66.67): 83.33 Green with evidence, spread 1, no gap options.
        let card = Fixture.score([Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")]),
                                  Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "mostly")])])
        #expect(card.requirement("R1.1")?.spread == 1)
        #expect(card.requirement("R1.1")?.rating.rag == .green)
        #expect(GapFinder().gaps(in: card).isEmpty)
    }

    @Test func blueRequirementIsNotAGap() {
        let found = gaps([Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully", example: "Board champions")]),
                          Fixture.ret(Fixture.cara, [Fixture.answer("Q1.1", "fully")])])
        #expect(found.isEmpty)
    }

    @Test func unratedRequirementIsNotAGap() {
        // Only N/A on R2.1: nothing scored, nothing to act on.
        #expect(gaps([Fixture.ret(Fixture.alice, [Fixture.answer("Q2.1", "na", reason: "No volunteers")])]).isEmpty)
    }

    @Test func weakestServiceAreaIsTheLowestScoring() throws {
        // R1.2: Adult (Alice mostly) 66.67, Children's (Ben partially) 33.33, Housing (Cara fully) 100.
        let gap = try #require(gaps([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.2", "mostly")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.2", "partially")]),
            Fixture.ret(Fixture.cara, [Fixture.answer("Q1.2", "fully")]),
        ]).first)
        #expect(gap.weakestServiceArea == "Children's Services")
        #expect(gap.serviceAreas.map(\.area) == ["Children's Services", "Adult Social Care", "Housing"])
        #expect(close(gap.serviceAreas.first?.percent, 33.333))
    }

    @Test func explanationGivesThePercentageAndBand() throws {
        // R1.2: (66.67 + 33.33 + 100) / 3 = 66.67 -> "66.7% (Amber)"
        let gap = try #require(gaps([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.2", "mostly")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.2", "partially")]),
            Fixture.ret(Fixture.cara, [Fixture.answer("Q1.2", "fully")]),
        ]).first)
        #expect(gap.explanation.hasPrefix("Self-assessed at 66.7% (Amber)."))
        #expect(gap.explanation.contains("Partially: Children's Services."))
    }

    @Test func explanationGivesTheCap() throws {
        // R1.1: fully + mostly = 83.33 Green-level, but Ben gives no evidence -> capped to Amber.
        let gap = try #require(gaps([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "mostly", evidence: nil)]),
        ]).first)
        #expect(gap.explanation == "Self-assessed at 83.3% (Amber); Green capped to Amber: not every answer gives evidence.")
    }

    @Test func gapsFollowCatalogueOrder() {
        let found = gaps([
            Fixture.ret(Fixture.ben, [Fixture.answer("Q3.1", "not-met"), Fixture.answer("Q1.2", "not-met")]),
            Fixture.ret(Fixture.cara, [Fixture.answer("Q2.2", "partially")]),
        ])
        #expect(found.map(\.requirementID) == ["R1.2", "R2.2", "R3.1"])
        #expect(found.map(\.standardID) == ["S1", "S2", "S3"])
    }
}
