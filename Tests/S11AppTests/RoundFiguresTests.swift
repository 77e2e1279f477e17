import Foundation
import S11App
import S11Core
import S11Store
import S11TestSupport
import Testing

/// The round page reads counts and rows the store keeps as organisations submit, are moderated
/// and are given back (`RoundFigures`). Whatever order those writes race in, what it reads is what
/// working the round out again from every organisation gives. Both engines.
@Suite struct RoundFiguresTests {
    static let sectors = ["Police", "Health", "Local authority"]

    /// Twelve organisations submit at once while the board moderates some and gives others back:
    /// the kept counts, the heatmap's order, its summary, spreads, themes and staff figures, whole
    /// and narrowed, are those of the round worked out from scratch.
    @Test func whatTheRoundPageReadsIsWhatEveryOrganisationAddsUpTo() async throws {
        let fixture = try await RoundFixture(members: (1...12).map { "Member \($0),\(Self.sectors[$0 % 3]),Lead \($0),lead\($0)@example.org" })
        let content = try await fixture.app.session(fixture.audit).content
        let audits = try await fixture.members()
        // Every organisation submits together.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, audit) in audits.enumerated() {
                group.addTask {
                    try await fixture.store.rounds.submitToBoard(auditID: audit.id, by: "Lead", declaration: "x") { _ in
                        Self.scores(index, content: content)
                    }
                }
            }
            try await group.waitForAll()
        }
        // Then the board gives three back and moderates three others, all at once.
        let requirement = content.catalogue.requirements[0].id
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, audit) in audits.enumerated() where index % 4 != 3 {
                group.addTask {
                    if index % 4 == 0 {
                        try await fixture.app.rounds.giveBack(auditID: audit.id, by: "board@oscb.example", reason: "Evidence missing")
                    } else if index % 4 == 1 {
                        try await fixture.store.moderation.change(auditID: audit.id, scope: .requirement(requirement), rag: .red, reason: "Panel",
                                                                  by: "Panel", at: "2027-04-01T10:00:00Z", as: .board(RoundFixture.board)) { _ in
                            Self.scores(index + 100, content: content, moderated: true)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }

        let progress = try await fixture.app.rounds.progress(roundID: fixture.round.id, today: CalendarDate(iso: "2027-04-02")!)
        let picture = try #require(try await fixture.app.rounds.picture(progress))
        #expect(picture.submitted.count == 9)
        #expect(try await fixture.store.rounds.tally(roundID: fixture.round.id) == RoundTally(picture.submitted))
        for sector in Self.sectors {
            #expect(try await fixture.store.rounds.tally(roundID: fixture.round.id, sector: sector) == RoundTally(picture.submitted.filter { $0.sector == sector }))
        }
        let ids = content.catalogue.standards.map(\.id)
        let overview = try await fixture.app.rounds.overview(roundID: fixture.round.id, today: progress.today)
        #expect(overview.total == progress.members.count && overview.byStage.map(\.count) == progress.byStage.map(\.count))
        #expect(overview.bySector.map(\.sector) == progress.bySector.map(\.sector) && overview.bySector.map(\.counts) == progress.bySector.map(\.counts))
        let held = Dictionary(uniqueKeysWithValues: picture.submitted.map { ($0.auditID!, $0) })
        for sector in [nil] + Self.sectors.map(Optional.some) {
            for filter in [RoundFilter(), RoundFilter(band: .red), RoundFilter(stage: .moderated), RoundFilter(stage: .inProgress), RoundFilter(stage: .overdue), RoundFilter(band: .green, changedSinceLastYear: true)] {
                let expected = HeatmapOrder.worstFirst.sorted(picture.submitted.filter {
                    (sector == nil || $0.sector == sector) && filter.admits(stage: .submitted, submitted: $0)
                })
                let dashboard = try #require(try await fixture.app.rounds.dashboard(overview, sector: sector, filter: filter, order: .worstFirst) { 0..<$0 })
                // The list of members: those of the sector the filter admits, by organisation, a page at a time.
                let listed = progress.members.filter { (sector == nil || $0.row.member.sector == sector) && filter.admits(stage: $0.stage, submitted: held[$0.row.auditID]) }
                let page = try await fixture.app.rounds.members(overview, sector: sector, filter: filter, admitted: dashboard.admitted) { _ in 1..<4 }
                #expect(page.total == listed.count && page.members.map(\.row.auditID) == Array(listed.map(\.row.auditID).dropFirst(1).prefix(3)),
                        "\(sector ?? "every sector"), \(filter)")
                let context = "\(sector ?? "every sector"), \(filter)"
                #expect(dashboard.heatmap.map(\.organisation) == expected.map(\.organisation), "\(context)")
                #expect(dashboard.onHeatmap == expected.count, "\(context)")
                #expect(dashboard.summary == HeatmapSummary(expected, standardIDs: ids), "\(context)")
                #expect(dashboard.admitted == (filter.narrowsHeld ? Set(expected.compactMap(\.auditID)) : nil), "\(context)")
                let inSector = picture.submitted.filter { sector == nil || $0.sector == sector }
                let whole = RoundPicture(submitted: inSector, catalogue: content.catalogue,
                                         staffStatements: content.staffSurvey?.statements.map { ($0.id, $0.text) } ?? [])
                #expect(dashboard.spreads.map(\.counts) == whole.spreads.map(\.counts) && dashboard.spreads.map(\.unrated) == whole.spreads.map(\.unrated))
                #expect(dashboard.themes.map(\.requirementID) == whole.themes.map(\.requirementID) && dashboard.themes.map(\.count) == whole.themes.map(\.count))
                #expect(dashboard.themes.map(\.organisations) == whole.themes.map { Array($0.organisations.sorted(by: NaturalOrder.precedes).prefix(10)) })
                #expect(dashboard.staff?.lines.map(\.partnership) == whole.staff?.lines.map(\.partnership), "\(context)")
                #expect(dashboard.staff?.organisationsLeftOut == whole.staff?.organisationsLeftOut)
                #expect(dashboard.moderated == inSector.filter(\.isModerated).count && dashboard.held == inSector.count)
            }
        }
        // A page of the heatmap is that page of the whole, in each order.
        for order in HeatmapOrder.allCases {
            let page = try #require(try await fixture.app.rounds.dashboard(overview, sector: nil, filter: RoundFilter(), order: order) { _ in 2..<5 })
            #expect(page.heatmap.map(\.organisation) == Array(order.sorted(picture.submitted).map(\.organisation)[2..<5]), "\(order)")
        }
    }

    /// Made-up but varied lines for organisation `index`: percentages and bands, gaps, staff figures
    /// (none shown for every fourth, as for a group too small), moderated where asked.
    static func scores(_ index: Int, content: AuditContent, moderated: Bool = false) -> [BoardScore] {
        func band(_ percent: Double) -> Rag { percent < 40 ? .red : percent < 60 ? .amber : percent < 85 ? .green : .blue }
        let overall = Double((index * 37) % 100) + (index % 3 == 0 ? 0.5 : 0)
        var lines = [BoardScore(kind: .overall, scopeID: "", percent: overall, rag: band(overall), moderated: moderated ? .red : nil, isGap: false)]
        for (position, standard) in content.catalogue.standards.enumerated() {
            let percent = Double((index * 13 + position * 29) % 100)
            lines.append(BoardScore(kind: .standard, scopeID: standard.id, percent: percent, rag: band(percent),
                                    moderated: moderated && position == 0 ? .amber : nil, moderatedPercent: moderated && position == 0 ? 50 : nil, isGap: false))
            for (place, requirement) in standard.requirements.enumerated() {
                lines.append(BoardScore(kind: .requirement, scopeID: requirement.id, percent: percent, rag: band(percent), moderated: nil,
                                        isGap: (index + place + position) % 3 == 0))
            }
        }
        lines.append(BoardScore(kind: .staffSurvey, scopeID: "", percent: nil, rag: nil, moderated: nil, isGap: false, answered: 10 + index))
        if index % 4 != 0 {
            for (place, statement) in (content.staffSurvey?.statements ?? []).prefix(3).enumerated() {
                lines.append(BoardScore(kind: .staffStatement, scopeID: statement.id, percent: nil, rag: nil, moderated: nil, isGap: false,
                                        answered: 10 + index, agreeing: (index + place) % (10 + index)))
            }
        }
        return lines
    }
}
