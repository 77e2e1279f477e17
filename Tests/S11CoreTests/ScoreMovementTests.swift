import Testing
@testable import S11Core

@Suite("Score movement")
struct ScoreMovementTests {
    @Test func changeIsInPointsPerStandardAndOverall() {
        let lastYear = Fixture.score([Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "mostly"), Fixture.answer("Q1.2", "partially")])])
        let thisYear = Fixture.score([Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "mostly"),
                                                                  Fixture.answer("Q2.1", "fully")])])
        let movement = ScoreMovement(current: thisYear, previous: lastYear)
        // S1 last year: (1 * 66.67 + 2 * 33.33) / 3 = 44.44; this year (1 * 100 + 2 * 66.67) / 3 = 77.78: +33.3 points.
        let s1 = movement.standards[0]
        #expect(s1.change == 33.3)
        #expect(s1.changeText == "+33.3 points")
        // S2 was not answered last year: no change to show.
        #expect(movement.standards[1].previous == nil)
        #expect(movement.standards[1].changeText == "-")
        #expect(movement.overall.change != nil)
    }
}
