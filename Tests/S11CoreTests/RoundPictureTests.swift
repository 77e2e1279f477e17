import Testing
@testable import S11Core

/// The board's picture from what organisations submitted: the spread per standard on the
/// effective (moderated where moderated) band, and the themes, most frequent gap first.
@Suite struct RoundPictureTests {
    func submitted(_ name: String, _ standardRag: Rag?, moderated: Rag? = nil, gaps: [String]) -> RoundPicture.Submitted {
        RoundPicture.Submitted(organisation: name, sector: "Police", scores: [
            BoardScore(kind: .overall, scopeID: "", percent: 70, rag: .amber, moderated: nil, isGap: false),
            BoardScore(kind: .standard, scopeID: "S1", percent: 70, rag: standardRag, moderated: moderated, isGap: false),
        ] + ["R1.1", "R1.2", "R3.1"].map { BoardScore(kind: .requirement, scopeID: $0, percent: 50, rag: .amber, moderated: nil, isGap: gaps.contains($0)) })
    }

    @Test func spreadsCountTheModeratedBandAndThemesPutTheCommonestGapFirst() throws {
        let picture = RoundPicture(submitted: [
            submitted("A", .green, gaps: ["R1.2"]),
            submitted("B", .green, moderated: .red, gaps: ["R3.1", "R1.2"]),
            submitted("C", nil, gaps: ["R3.1", "R1.1"]),
            submitted("D", .amber, gaps: ["R3.1"]),
        ], catalogue: Fixture.content.catalogue, themeCount: 2)
        let s1 = try #require(picture.spreads.first { $0.standardID == "S1" })
        #expect(s1.counts == [.green: 1, .red: 1, .amber: 1] && s1.unrated == 1)
        #expect(picture.themes.map(\.requirementID) == ["R3.1", "R1.2"])            // 3 organisations, then 2 (before R1.1's 1)
        #expect(picture.themes.first?.organisations == ["B", "C", "D"])
    }

    @Test func aSnapshotKeepsEveryLineAndMarksTheGaps() {
        let card = Fixture.score([Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully"), Fixture.answer("Q1.2", "partially"),
                                                            Fixture.answer("Q3.1", "not-met")])])
        let gaps = GapFinder().gaps(in: card)
        let lines = BoardScore.snapshot(card, gaps: gaps)
        #expect(lines.first?.kind == .overall)
        #expect(lines.filter { $0.kind == .standard }.count == card.standards.count)
        #expect(!gaps.isEmpty && Set(lines.filter(\.isGap).map(\.scopeID)) == Set(gaps.map(\.requirementID)))
    }
}

/// The staff survey across organisations: statements are kept at submission only for groups large
/// enough to show, and the partnership and sector figures add up the organisations counted only.
@Suite struct RoundStaffPictureTests {
    func results(respondents: Int, agreeing: Int) -> StaffResults {
        StaffResults(respondents: respondents, minimumGroup: 5, serviceAreas: [], statements: [
            StaffResults.StatementResult(statementID: "SC01", text: "I know how to raise a concern", requirementID: nil, targetPercent: nil,
                                         overall: StaffResults.Figure(agreeing: Proportion(count: agreeing, total: respondents), suppressed: false),
                                         byServiceArea: [:], change: nil, gapReasons: []),
        ], previousRespondents: nil)
    }

    func organisation(_ name: String, _ sector: String, respondents: Int, agreeing: Int) -> RoundPicture.Submitted {
        let card = Fixture.score([Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully")])])
        return RoundPicture.Submitted(organisation: name, sector: sector,
                                      scores: BoardScore.snapshot(card, gaps: [], staff: results(respondents: respondents, agreeing: agreeing)))
    }

    @Test func smallGroupsAreLeftOutOfEveryFigure() throws {
        let small = BoardScore.snapshot(Fixture.score([]), gaps: [], staff: results(respondents: 4, agreeing: 1))
        #expect(small.filter { $0.kind == .staffSurvey }.map(\.answered) == [4])
        #expect(!small.contains { $0.kind == .staffStatement })                    // four staff: nothing per statement is kept

        let staff = try #require(RoundStaffPicture(submitted: [
            organisation("A", "Police", respondents: 10, agreeing: 8),
            organisation("B", "NHS trust", respondents: 6, agreeing: 3),
            organisation("C", "Police", respondents: 20, agreeing: 10),
            organisation("D", "Police", respondents: 3, agreeing: 0),
        ], statements: [("SC01", "I know how to raise a concern")]))
        #expect(staff.organisationsCounted == 3 && staff.respondentsCounted == 36 && staff.organisationsLeftOut == 1)
        let line = try #require(staff.lines.first)
        #expect(line.partnership == Proportion(count: 21, total: 36))
        #expect(line.bySector["Police"] == Proportion(count: 18, total: 30) && line.bySector["NHS trust"] == Proportion(count: 3, total: 6))
        #expect(staff.sectors == ["NHS trust", "Police"])
        #expect(RoundStaffPicture(submitted: [], statements: [("SC01", "x")]) == nil)
    }
}

/// A return read through a crosswalk: the mean of what maps onto each requirement, banded at the
/// reading board's thresholds but never above the best source band, moderation carried, and what
/// nothing answers left unrated.
@Suite struct CrosswalkReadingTests {
    static let improvement = ImprovementTemplate(objective: "o", actions: ["a"], outcome: "o", measure: "m", leadRole: "l", timescaleMonths: 6)
    static func requirement(_ id: String, weight: Double) -> Requirement {
        Requirement(id: id, statement: "Statement \(id)", guidance: "", evidenceExamples: [], weight: weight, naAllowed: false, improvement: improvement)
    }
    static let catalogue = Catalogue(id: "pc", version: "1", title: "Reading board", standards: [
        Standard(id: "PC1", number: 1, title: "Leadership", requirements: [requirement("PC1.1", weight: 1), requirement("PC1.2", weight: 3)]),
        Standard(id: "PC2", number: 2, title: "Training", requirements: [requirement("PC2.1", weight: 1)]),
    ])
    static let bands = [BandRule(rag: .green, minPercent: 67), BandRule(rag: .amber, minPercent: 34), BandRule(rag: .red, minPercent: 0)]
    static let crosswalk = Crosswalk(id: "x", version: "1", title: "x", fromCatalogue: "joint", toCatalogue: "pc", mappings: [
        Crosswalk.Mapping(from: "S1.1", to: "PC1.1"), Crosswalk.Mapping(from: "S1.2", to: "PC1.1"), Crosswalk.Mapping(from: "S1.1", to: "PC1.2"),
        Crosswalk.Mapping(from: "S3.3", to: "PC2.1"),
    ])

    @Test func eachRequirementIsReadFromItsSources() throws {
        let submitted = [
            BoardScore(kind: .overall, scopeID: "", percent: 60, rag: .amber, moderated: nil, isGap: false),
            BoardScore(kind: .requirement, scopeID: "S1.1", percent: 80, rag: .amber, moderated: nil, isGap: false),   // capped: no evidence
            BoardScore(kind: .requirement, scopeID: "S1.2", percent: 40, rag: .amber, moderated: .green, moderatedPercent: 80, isGap: true),
            BoardScore(kind: .requirement, scopeID: "S3.3", percent: nil, rag: nil, moderated: nil, isGap: false),
        ]
        let reading = CrosswalkReading(submitted: submitted, crosswalk: Self.crosswalk, catalogue: Self.catalogue, bands: Self.bands)
        let lines = Dictionary(uniqueKeysWithValues: reading.lines.map { ($0.requirementID, $0) })
        let pc11 = try #require(lines["PC1.1"]?.score)
        #expect(pc11.percent == 60 && pc11.rag == .amber && pc11.isGap)                  // mean of 80 and 40; a source is a gap
        #expect(pc11.moderatedPercent == 80 && pc11.moderated == .green)                // the panel's 80 in place of the self 40
        let pc12 = try #require(lines["PC1.2"]?.score)
        #expect(pc12.percent == 80 && pc12.rag == .amber)                               // Green by threshold, capped at its source's Amber
        #expect(lines["PC2.1"]?.isAnswered == false && reading.notAnswered.map(\.requirementID) == ["PC2.1"])
        let pc1 = try #require(reading.boardScores.first { $0.kind == .standard && $0.scopeID == "PC1" })
        #expect(pc1.percent == 75.0)                                                    // (60 x 1 + 80 x 3) / 4: the reading catalogue's weights
        #expect(reading.boardScores.first { $0.kind == .standard && $0.scopeID == "PC2" }?.percent == nil)
        #expect(reading.boardScores.first?.kind == .overall && reading.boardScores.first?.percent == pc1.percent)   // PC2 unrated
    }

    @Test func theReadingBoardsOwnModerationsTakeThePlaceOfTheMappedFigures() throws {
        let submitted = [BoardScore(kind: .requirement, scopeID: "S1.1", percent: 80, rag: .amber, moderated: nil, isGap: false)]
        let moderations: [(moderation: Moderation, percent: Double?)] = [
            (Moderation(scope: .requirement("PC1.2"), rag: .green, option: "score-3", reason: "Seen", by: "panel", at: "t"), 100),
            (Moderation(scope: .standard("PC2"), rag: .red, reason: "No training records", by: "panel", at: "t"), nil),
        ]
        let reading = CrosswalkReading(submitted: submitted, crosswalk: Self.crosswalk, catalogue: Self.catalogue, bands: Self.bands, moderations: moderations)
        let pc12 = try #require(reading.lines.first { $0.requirementID == "PC1.2" }?.score)
        #expect(pc12.percent == 80 && pc12.rag == .amber && pc12.moderatedPercent == 100 && pc12.moderated == .green)
        let pc1 = try #require(reading.boardScores.first { $0.kind == .standard && $0.scopeID == "PC1" })
        #expect(pc1.moderatedPercent == 95.0)                                           // (80 x 1 + 100 x 3) / 4
        #expect(reading.boardScores.first { $0.kind == .standard && $0.scopeID == "PC2" }?.moderated == .red)
    }
}
