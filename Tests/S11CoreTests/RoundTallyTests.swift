import S11Core
import Testing

/// The counts a round's page is read from, and the key its heatmap is ordered by in the store.
@Suite struct RoundTallyTests {
    static func organisation(_ name: String, sector: String, overall: Double?, s1: Rag?, gap: Bool) -> RoundPicture.Submitted {
        RoundPicture.Submitted(organisation: name, sector: sector, scores: [
            BoardScore(kind: .overall, scopeID: "", percent: overall, rag: overall.map { $0 < 50 ? .red : .green }, moderated: nil, isGap: false),
            BoardScore(kind: .standard, scopeID: "S1", percent: overall, rag: s1, moderated: nil, isGap: false),
            BoardScore(kind: .requirement, scopeID: "1.1", percent: nil, rag: nil, moderated: nil, isGap: gap),
        ])
    }

    /// Adding an organisation's tally and taking it away again leaves what was there; every key is
    /// kept and read back as the same key, a scope with a bar in it and an awkward percentage too.
    @Test func aTallyTakenAwayLeavesWhatWasThereAndEveryKeyReadsBack() {
        let a = Self.organisation("A", sector: "Police", overall: 100.0 / 3, s1: .red, gap: true)
        let b = Self.organisation("B", sector: "Police", overall: 72.5, s1: .green, gap: false)
        var tally = RoundTally([a])
        tally += RoundTally(b)
        #expect(tally == RoundTally([a, b]))
        tally -= RoundTally(b)
        #expect(tally == RoundTally([a]))
        tally -= RoundTally(a)
        #expect(tally.counts.isEmpty)
        let keys: [RoundTally.Key] = [.held, .moderated, .band(scope: "S|1", .amber), .percent(scope: "", 100.0 / 3), .percent(scope: "S1", -0.0),
                                      .hasStandard(.blue), .gap(requirementID: "1.2"), .staffAnswered, .staffCounted, .staffRespondents,
                                      .staffFigures(statementID: "SC01"), .staffAgreeing(statementID: "SC01"), .staffAnswering(statementID: "SC|2"),
                                      .gap(requirementID: "É.1"), .percent(scope: "Sé", 12.5)]
        for key in keys { #expect(RoundTally.Key(text: key.text) == key, "\(key.text)") }
        for text in ["pct|S1|lots", "colour|red", "pct|S1", "band|S1|purple", "has|", "", "|", "Held", "staffs"] {
            #expect(RoundTally.Key(text: text) == nil, "\(text)")
        }
    }

    /// The median and middle band read from the counts are those of the organisations themselves, odd and even.
    @Test func theColumnFromTheCountsIsTheColumnOfTheOrganisations() {
        let organisations = [(30.0, Rag.red), (45, .red), (45, .amber), (80, .green), (95, .blue)].enumerated().map { index, pair in
            Self.organisation("O\(index)", sector: "S", overall: pair.0, s1: pair.1, gap: index % 2 == 0)
        }
        for count in 1...organisations.count {
            let some = Array(organisations.prefix(count))
            #expect(RoundTally(some).column("S1") == HeatmapSummary(some, standardIDs: ["S1"]).standards[0])
        }
        #expect(RoundTally(organisations).column("S1").median == 45 && RoundTally(organisations).column("S1").middleBand == .amber)
    }

    /// Names ordered by their keys, code point by code point as SQL orders them, are in the order a person reads them.
    @Test func namesOrderedByTheirKeysAreInNaturalOrder() {
        let names = ["Member 10", "member 2", "Member 2", "Member 02", "Member", "Member-2", "Members", "A1b", "a01a", "A1a", "Zed 3 Ltd", "Zed 3",
                     "Ünïcode", "Zed 20", "Zed 3a", "10 Downing", "9 Elms", "", "Ab", "ab", "Member 18446744073709551615"]
        #expect(names.sorted { NaturalOrder.key($0) < NaturalOrder.key($1) } == names.sorted(by: NaturalOrder.precedes))
        #expect(names.sorted { Array(NaturalOrder.key($0).unicodeScalars.map(\.value)).lexicographicallyPrecedes(NaturalOrder.key($1).unicodeScalars.map(\.value)) }
                == names.sorted(by: NaturalOrder.precedes))
    }
}
