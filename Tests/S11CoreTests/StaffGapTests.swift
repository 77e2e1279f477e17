import Testing
@testable import S11Core

/// Staff confidence testing the officers' declarations: a statement below target becomes a gap of
/// the requirement it maps to.
@Suite("Staff survey gaps")
struct StaffGapTests {
    // R1.1 all fully met (Green, no gap of its own); R1.2 has Ben's Partially (a gap already).
    let card = Fixture.score([
        Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "fully")]),
        Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "partially")]),
    ])

    func staff(sc01 agree: Int, sc02 agree2: Int) -> StaffResults {
        let responses = StaffFixtures.responses(area: "housing", agree: agree, total: 20)
            + StaffFixtures.responses(area: "housing", agree: agree2, total: 20, statement: "SC02")
        return StaffResultsCalculator(survey: StaffFixtures.survey, scales: [StaffFixtures.likert]).results(responses)
    }

    @Test func aStatementBelowTargetMakesOrJoinsItsRequirementsGap() throws {
        // SC01 -> R1.1: 10/20 = 50% against 85%: R1.1 becomes a gap. SC02 -> R1.2: 6/20 = 30% against 60%: joins R1.2's gap.
        let gaps = GapFinder().gaps(in: card, staff: staff(sc01: 10, sc02: 6))
        #expect(gaps.map(\.requirementID) == ["R1.1", "R1.2"])                  // catalogue order
        let r11 = try #require(gaps.first)
        #expect(r11.explanation == "Staff survey, \"I can recognise the signs that a child may be being abused or neglected.\": 50% of staff agree (n=20, 95% CI 29.9-70.1%); target 85%.")
        let r12 = try #require(gaps.last)
        // (100 + 33.3) / 2 = 66.7% Amber, Ben's Partially, two steps apart, and then the staff figure.
        #expect(r12.reasons.count == 4)
        #expect(r12.explanation.hasSuffix("Staff survey, \"I know who my safeguarding lead or designated safeguarding officer is and how to contact them.\": 30% of staff agree (n=20, 95% CI 14.5-51.9%); target 60%."))
    }

    @Test func statementsAtTargetAddNothing() {
        #expect(GapFinder().gaps(in: card, staff: staff(sc01: 19, sc02: 18)).map(\.requirementID) == ["R1.2"])
    }
}
