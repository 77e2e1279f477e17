import Foundation
import Testing
@testable import S11Core

@Suite("Staff survey statistics")
struct StaffStatisticsTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 0.05) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func wilsonIntervalMatchesNewcombesWorkedExample() throws {
        // Newcombe (1998), Statistics in Medicine 17:857-872, Table I: 81/263 -> 0.2553 to 0.3662.
        let interval = try #require(Proportion(count: 81, total: 263).wilson95)
        #expect(close(interval.low, 25.53, 0.01))
        #expect(close(interval.high, 36.62, 0.01))
    }

    @Test func wilsonIntervalByHand() throws {
        // 62/100: p = .62, z^2/n = .038415, centre = (.62 + .019207) / 1.038415 = .61556,
        // half = 1.959964 * sqrt(.62 * .38 / 100 + 3.8415 / 40000) / 1.038415 = .09347 -> 52.2% to 70.9%.
        let interval = try #require(Proportion(count: 62, total: 100).wilson95)
        #expect(close(interval.low, 52.2))
        #expect(close(interval.high, 70.9))
        // At the edges the interval stays inside 0-100 and is not empty: 0/10 -> 0 to 27.8%; 10/10 -> 72.2 to 100%.
        let none = try #require(Proportion(count: 0, total: 10).wilson95)
        #expect(none.low == 0)
        #expect(close(none.high, 27.8))
        let all = try #require(Proportion(count: 10, total: 10).wilson95)
        #expect(close(all.low, 72.2))
        #expect(close(all.high, 100, 1e-9))
        #expect(Proportion(count: 0, total: 0).wilson95 == nil)
        #expect(Proportion(count: 0, total: 0).percent == nil)
    }

    @Test func twoProportionTestByHand() throws {
        // 74/100 then 62/100: pooled .68, se = sqrt(.68 * .32 * (1/100 + 1/100)) = .06597,
        // z = (.62 - .74) / .06597 = -1.819, p = erfc(1.819 / sqrt 2) = .069: not significant.
        let small = try #require(Proportion(count: 62, total: 100).pValue(against: Proportion(count: 74, total: 100)))
        #expect(close(small.z, -1.819, 0.002))
        #expect(close(small.p, 0.069, 0.001))
        // 80/200 then 50/200: pooled .325, se = sqrt(.325 * .675 * .01) = .04684, z = -.15 / .04684 = -3.203, p = .0014.
        let large = try #require(Proportion(count: 50, total: 200).pValue(against: Proportion(count: 80, total: 200)))
        #expect(close(large.z, -3.203, 0.002))
        #expect(close(large.p, 0.0014, 0.0001))
        // Both 100%: no variance, no evidence of change.
        let flat = try #require(Proportion(count: 10, total: 10).pValue(against: Proportion(count: 20, total: 20)))
        #expect(flat.p == 1)
        #expect(Proportion(count: 1, total: 2).pValue(against: Proportion(count: 0, total: 0)) == nil)
    }

    @Test func smallServiceAreasAreSuppressed() throws {
        // Housing: 8 respondents, 6 agree. Leisure: 4 respondents, all agree: fewer than 5, so hidden.
        let responses = StaffFixtures.responses(area: "housing", agree: 6, total: 8)
            + StaffFixtures.responses(area: "leisure", agree: 4, total: 4)
        let results = StaffResultsCalculator(survey: StaffFixtures.survey, scales: [StaffFixtures.likert]).results(responses)
        let sc01 = try #require(results.statement("SC01"))
        #expect(sc01.overall.agreeing == Proportion(count: 10, total: 12))
        #expect(sc01.byServiceArea["housing"]?.agreeing == Proportion(count: 6, total: 8))
        #expect(sc01.byServiceArea["leisure"]?.suppressed == true)
        #expect(sc01.byServiceArea["leisure"]?.agreeing == nil)              // no count, no percent leaks
        #expect(results.serviceAreas.map(\.respondents) == [8, nil])
        // Nothing about the small group survives encoding either.
        let json = String(decoding: try JSONEncoder().encode(results), as: UTF8.self)
        #expect(!json.contains("\"count\":4"))
    }

    @Test func belowTargetAndSignificantlyDownAreGapsWithReasons() throws {
        let calculator = StaffResultsCalculator(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        // SC01 this year 62/100 (target 85): below target. SC02 this year 50/200 vs 80/200 last year
        // (target 60): below target and significantly down.
        let thisYear = StaffFixtures.responses(area: "housing", agree: 62, total: 100)
            + StaffFixtures.responses(area: "housing", agree: 50, total: 200, statement: "SC02")
        let lastYear = StaffFixtures.responses(area: "housing", agree: 74, total: 100)
            + StaffFixtures.responses(area: "housing", agree: 80, total: 200, statement: "SC02")
        let results = calculator.results(thisYear, previous: lastYear)
        let sc01 = try #require(results.statement("SC01"))
        #expect(sc01.gapReasons == ["62% of staff agree (n=100, 95% CI 52.2-70.9%); target 85%."])   // the fall is not significant
        #expect(sc01.change?.significant == false)
        #expect(sc01.change?.points == -12)
        let sc02 = try #require(results.statement("SC02"))
        #expect(sc02.gapReasons.count == 2)
        #expect(sc02.gapReasons[1] == "Down 15 points since last year (40% to 25%), unlikely to be chance (p=0.001).")
        // A statement at its target, not down, is no gap; SC03 has no answers at all.
        let fine = calculator.results(StaffFixtures.responses(area: "housing", agree: 9, total: 10))
        #expect(fine.statement("SC01")?.isGap == false)
        #expect(fine.statement("SC03")?.overall.percent == nil)
        #expect(fine.statement("SC03")?.isGap == false)
    }
}
