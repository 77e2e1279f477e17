import Testing
@testable import S11Core

/// The board's heatmap puts the organisations most in need of challenge first, and its name order
/// is the one a person reads (Member 2 before Member 10).
@Suite struct HeatmapOrderTests {
    func organisation(_ name: String, sector: String = "Health", overall: Double?, moderated: Double? = nil, reds: Int = 0) -> RoundPicture.Submitted {
        var scores = [BoardScore(kind: .overall, scopeID: "overall", percent: overall, rag: overall.map { $0 < 50 ? .red : .amber },
                                 moderated: moderated.map { _ in .red }, moderatedPercent: moderated, isGap: false)]
        scores += (0..<reds).map { BoardScore(kind: .standard, scopeID: "S\($0 + 1)", percent: 30, rag: .red, moderated: nil, isGap: true) }
        return RoundPicture.Submitted(organisation: name, sector: sector, scores: scores)
    }

    @Test func theLowestOverallComesFirstAsTheBoardHoldsItUnratedLast() {
        let round = [organisation("Member 1", overall: 80), organisation("Member 2", overall: nil),
                     organisation("Member 3", overall: 90, moderated: 40), organisation("Member 10", overall: 55)]
        #expect(HeatmapOrder.worstFirst.sorted(round).map(\.organisation) == ["Member 3", "Member 10", "Member 1", "Member 2"])
    }

    @Test func namesAreInNaturalOrder() {
        let round = ["Member 10", "member 2", "Member 1", "Abingdon Council", "Member 100"].map { organisation($0, overall: 70) }
        #expect(HeatmapOrder.name.sorted(round).map(\.organisation) == ["Abingdon Council", "Member 1", "member 2", "Member 10", "Member 100"])
        #expect(NaturalOrder.precedes("Member 9", "Member 10") && !NaturalOrder.precedes("Member 10", "Member 9"))
    }

    @Test func mostRedsAndSectorOrders() {
        let round = [organisation("A", sector: "Police", overall: 60, reds: 1), organisation("B", sector: "Health", overall: 70, reds: 3),
                     organisation("C", sector: "Health", overall: 50, reds: 0)]
        #expect(HeatmapOrder.mostReds.sorted(round).map(\.organisation) == ["B", "A", "C"])
        #expect(HeatmapOrder.sector.sorted(round).map(\.organisation) == ["C", "B", "A"])
    }
}
