import Testing
@testable import S11Core

/// Answers (all evidenced): R1.1 fully x2 (100, Green: no example), R1.2 fully + partially
/// (66.7, Amber, a gap answer), R2.1 fully, R2.2 fully (S2 100, no gaps), R3.1 mostly (66.7 Amber).
@Suite("Moderation")
struct ModerationTests {
    let returns: [OfficerReturn] = [
        Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "fully"),
                                    Fixture.answer("Q2.1", "fully"), Fixture.answer("Q2.2", "fully")]),
        Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "partially"),
                                  Fixture.answer("Q3.1", "mostly")]),
    ]

    func card(_ moderations: [Moderation]) -> Scorecard {
        Scorer(content: Fixture.content).score(organisation: Fixture.organisation, year: Fixture.year,
                                               officers: Fixture.officers, returns: returns, moderations: moderations)
    }

    func moderation(_ scope: Moderation.Scope, _ rag: Rag) -> Moderation {
        Moderation(scope: scope, rag: rag, reason: "Challenge event, 3 March", by: "Board panel", at: "2027-03-03T10:00:00Z")
    }

    @Test func withoutModerationTheSelfRatingDecides() {
        #expect(GapFinder().gaps(in: card([])).map(\.requirementID) == ["R1.2", "R3.1"])
    }

    @Test func bothRatingsAreKeptSideBySide() throws {
        let scored = card([moderation(.requirement("R1.1"), .amber), moderation(.standard("S2"), .green)])
        let r11 = try #require(scored.requirement("R1.1"))
        #expect(r11.rating.rag == .green)          // the self rating is unchanged
        #expect(r11.moderation?.rag == .amber)
        #expect(r11.effectiveRag == .amber)
        let s2 = try #require(scored.standards.first { $0.standardID == "S2" })
        #expect(s2.rating.percent == 100)
        #expect(s2.effectiveRag == .green)
    }

    @Test func aRequirementModeratedDownBecomesAGapWithTheReason() throws {
        let gaps = GapFinder().gaps(in: card([moderation(.requirement("R1.1"), .amber)]))
        #expect(gaps.map(\.requirementID) == ["R1.1", "R1.2", "R3.1"])
        let explanation = try #require(gaps.first?.explanation)
        #expect(explanation.contains("Moderated to Amber (requirement R1.1) by Board panel: Challenge event, 3 March."))
    }

    @Test func aRequirementModeratedUpIsNoGapWhateverTheAnswers() {
        // Ben answered Partially on R1.2, which alone makes a gap; the panel saw the evidence and rated it Green.
        let gaps = GapFinder().gaps(in: card([moderation(.requirement("R1.2"), .green)]))
        #expect(gaps.map(\.requirementID) == ["R3.1"])
    }

    @Test func aStandardModeratedDownWithNoGapGetsOneAtItsWeakestRequirement() throws {
        // S2 scores 100% with no gap; moderated Red, its lowest-rated requirement becomes the gap
        // (both are 100%: the first in catalogue order).
        let gaps = GapFinder().gaps(in: card([moderation(.standard("S2"), .red)]))
        #expect(gaps.map(\.requirementID) == ["R1.2", "R2.1", "R3.1"])
        let s2 = try #require(gaps.first { $0.standardID == "S2" })
        #expect(s2.reasons == [.moderated(moderation(.standard("S2"), .red))])
    }

    @Test func theDraftedPlanCarriesTheModeratedBandInItsResults() throws {
        let scored = card([moderation(.standard("S1"), .red)])
        let plan = PlanDrafter(content: Fixture.content).draft(
            card: scored, gaps: GapFinder().gaps(in: scored), officers: Fixture.officers,
            options: .init(start: try Fixture.date("2027-01-01"), today: try Fixture.date("2026-11-15")))
        #expect(plan.results?.standards.map(\.moderated) == [.red, nil, nil])
    }
}
