import Testing
@testable import S11Core

/// The board narrows its round by stage (moderated its own), by a band in any standard and by a
/// change since last year; the heatmap's partnership line gives the median and the band counts of
/// exactly the organisations it shows; a column's header and cells stay short.
@Suite struct RoundFilterTests {
    func organisation(_ name: String, overall: Double, standards: [(Double, Rag)], moderated: Rag? = nil, lastYear: Double? = nil) -> RoundPicture.Submitted {
        let scores = [BoardScore(kind: .overall, scopeID: "", percent: overall, rag: overall < 50 ? .red : overall < 75 ? .amber : .green,
                                 moderated: nil, isGap: false)]
            + standards.enumerated().map { index, figure in
                BoardScore(kind: .standard, scopeID: "S\(index + 1)", percent: figure.0, rag: figure.1, moderated: index == 0 ? moderated : nil,
                           isGap: false)
            }
        return RoundPicture.Submitted(auditID: Int64(name.count), organisation: name, sector: "Health", scores: scores,
                                      lastYear: lastYear.map { BoardScore(kind: .overall, scopeID: "", percent: $0, rag: nil, moderated: nil, isGap: false) })
    }

    @Test func eachFilterAdmitsOnlyWhatItSays() {
        let red = organisation("Red one", overall: 60, standards: [(40, .red), (80, .green)], lastYear: 55)
        let moderated = organisation("Moderated", overall: 70, standards: [(70, .amber), (70, .amber)], moderated: .red, lastYear: 70)
        let green = organisation("Green", overall: 80, standards: [(80, .green), (90, .green)])

        let redInAny = RoundFilter(band: .red)
        #expect(redInAny.admits(stage: .submitted, submitted: red) && redInAny.admits(stage: .submitted, submitted: moderated))   // the board's band
        #expect(!redInAny.admits(stage: .submitted, submitted: green) && !redInAny.admits(stage: .overdue, submitted: nil))

        let wasModerated = RoundFilter(stage: .moderated)
        #expect(wasModerated.admits(stage: .submitted, submitted: moderated) && !wasModerated.admits(stage: .submitted, submitted: red))
        #expect(RoundFilter(stage: .overdue).admits(stage: .overdue, submitted: nil) && !RoundFilter(stage: .overdue).admits(stage: .submitted, submitted: red))
        #expect(RoundFilter(stage: .submitted).admits(stage: .submitted, submitted: moderated))

        let changed = RoundFilter(changedSinceLastYear: true)
        #expect(changed.admits(stage: .submitted, submitted: red))                     // 55 then 60
        #expect(!changed.admits(stage: .submitted, submitted: moderated))              // 70 both years
        #expect(!changed.admits(stage: .submitted, submitted: green))                  // not in last year's round
        #expect(RoundFilter().isEmpty && RoundFilter().admits(stage: .notStarted, submitted: nil))
        #expect(!RoundFilter(band: .red, changedSinceLastYear: true).admits(stage: .submitted, submitted: moderated))   // every part must hold
    }

    @Test func thePartnershipLineIsTheMedianAndTheBandsOfWhatIsShown() {
        let organisations = [organisation("A", overall: 60, standards: [(40, .red)]), organisation("B", overall: 70, standards: [(70, .amber)]),
                             organisation("C", overall: 80, standards: [(90, .green)], moderated: .amber),
                             organisation("D", overall: 90, standards: [(100, .blue)])]
        let summary = HeatmapSummary(organisations, standardIDs: ["S1"])
        #expect(summary.overall.median == 75 && summary.overall.counts == [.amber: 2, .green: 2])
        let standard = try! #require(summary.standards.first)
        #expect(standard.median == 80)                                                 // 70 and 90, the middle two
        #expect(standard.counts == [.red: 1, .amber: 2, .blue: 1])                      // C as the board holds it
        #expect(standard.middleBand == .amber && standard.unrated == 0)
        #expect(HeatmapSummary(Array(organisations.prefix(3)), standardIDs: ["S1"]).standards[0].median == 70)
    }

    @Test func shortTitlesAndCompactCells() {
        #expect(Standard.shortTitle(of: "Safer recruitment and managing allegations") == "Safer recruitment")
        #expect(Standard.shortTitle(of: "Commissioning, contracts, grants and licensing") == "Commissioning")
        #expect(Standard.shortTitle(of: "Specific risks: exploitation and harm") == "Specific risks")
        #expect(Standard.shortTitle(of: "The voice of the child in every service") == "The voice of…")
        #expect(Standard.shortTitle(of: "Information sharing") == "Information sharing")
        let moderated = BoardScore(kind: .standard, scopeID: "S1", percent: 66.9, rag: .amber, moderated: .red, moderatedPercent: 45.2, isGap: true)
        #expect(moderated.compactText == "R 45*" && moderated.spokenText == "moderated 45.2% Red; self-assessed 66.9% Amber")
        #expect(BoardScore(kind: .standard, scopeID: "S1", percent: 80, rag: .green, moderated: nil, isGap: false).compactText == "G 80")
    }
}
