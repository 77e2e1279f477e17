import S11Core
import S11Store

extension BoardRounds {
    /// Names of organisations a theme lists before "and N more".
    public static let themeNames = 10

    /// The round page's picture of the organisations held in `sector` (every sector when nil) that
    /// `filter` admits, with the heatmap's rows `rows(total)` in `order`; nil when no member answers
    /// the round's catalogue. Read from the counts and rows the store keeps as organisations submit;
    /// only returns read through a crosswalk (few) are worked out here, and only a narrowed
    /// heatmap's summary reads its organisations' rows.
    public func dashboard(_ progress: RoundProgress, sector: String?, filter: RoundFilter, order: HeatmapOrder,
                          rows: (Int) -> Range<Int>) async throws -> RoundDashboard? {
        guard let content = try await roundContent(progress) else { return nil }
        let rounds = store.rounds
        let lastYear = try await rounds.find(board: progress.round.board, year: progress.round.year - 1)
        let query = RoundStore.HeldQuery(roundID: progress.round.id, sector: sector, filter: filter, lastYearRoundID: lastYear?.id)
        let read = try await readFigures(progress, content: content, lastYearRoundID: lastYear?.id).filter { sector == nil || $0.sector == sector }
        var tally = try await rounds.tally(roundID: progress.round.id, sector: sector)
        var staffBySector = try await rounds.staffTallies(roundID: progress.round.id, sector: sector)
        for organisation in read {
            tally += RoundTally(organisation)
            staffBySector[organisation.sector, default: RoundTally()] += RoundTally(organisation)
        }
        let readAdmitted = read.filter { filter.admits(stage: .submitted, submitted: $0) }
        let onHeatmap = try await rounds.heldCount(query) + readAdmitted.count
        let range = rows(onHeatmap)
        let heatmap = readAdmitted.isEmpty ? try await rounds.held(query, order: order, range: range)
            : Array(order.sorted(try await rounds.held(query, order: order, range: 0..<range.upperBound) + readAdmitted).dropFirst(range.lowerBound).prefix(range.count))
        let standardIDs = content.catalogue.standards.map(\.id)
        let summary = filter.isEmpty ? HeatmapSummary(tally, standardIDs: standardIDs)
            : HeatmapSummary(try await rounds.held(query, order: .name) + readAdmitted, standardIDs: standardIDs)
        let gaps = tally.commonestGaps(content.catalogue, count: 10)
        let names = try await rounds.gapNames(roundID: progress.round.id, requirementIDs: gaps.map(\.requirement.id), sector: sector, limit: Self.themeNames)
        let themes = gaps.map { requirement, count in
            let readNames = read.filter { $0.scores.contains { $0.kind == .requirement && $0.isGap && $0.scopeID == requirement.id } }.map(\.organisation)
            return RoundPicture.Theme(requirementID: requirement.id, statement: requirement.statement,
                                      organisations: Array(((names[requirement.id] ?? []) + readNames).sorted(by: NaturalOrder.precedes).prefix(Self.themeNames)),
                                      count: count)
        }
        var changed = query
        changed.filter = RoundFilter(changedSinceLastYear: true)
        return RoundDashboard(
            standards: content.catalogue.standards.map { ($0.id, $0.title) }, heatmap: heatmap, onHeatmap: onHeatmap, summary: summary,
            spreads: content.catalogue.standards.map { RoundPicture.Spread(tally.column($0.id), title: $0.title) }, themes: themes,
            staff: RoundStaffPicture(bySector: staffBySector, statements: content.staffSurvey?.statements.map { ($0.id, $0.text) } ?? []),
            held: tally[.held], moderated: tally[.moderated],
            withStandardIn: Dictionary(uniqueKeysWithValues: Rag.allCases.map { ($0, tally[.hasStandard($0)]) }),
            changedSinceLastYear: try await rounds.heldCount(changed) + read.filter(\.changedSinceLastYear).count,
            admitted: filter.narrowsHeld ? try await rounds.heldAuditIDs(query).union(readAdmitted.compactMap(\.auditID)) : nil)
    }

    /// The organisations the round reads through a crosswalk whose own board holds their return,
    /// read into the round's catalogue, with last year's overall from the board's round `lastYearRoundID`.
    private func readFigures(_ progress: RoundProgress, content: AuditContent, lastYearRoundID: Int64?) async throws -> [RoundPicture.Submitted] {
        let rows = progress.members.map(\.row).filter { $0.crosswalkID != nil && $0.submittedAt != nil }
        guard !rows.isEmpty else { return [] }
        let scores = try await readThrough(progress, submitted: try await store.rounds.boardScores(auditIDs: rows.map(\.auditID)), content: content)
        var lastYear: [String: Double] = [:]
        if let lastYearRoundID {
            lastYear = try await store.rounds.overalls(roundID: lastYearRoundID, organisations: rows.map { $0.member.organisation.lowercased() })
        }
        return rows.compactMap { row in
            scores[row.auditID].map { scores in
                RoundPicture.Submitted(auditID: row.auditID, organisation: row.member.organisation, sector: row.member.sector, scores: scores,
                                       lastYear: lastYear[row.member.organisation.lowercased()].map(BoardScore.overall(boardPercent:)))
            }
        }
    }
}
