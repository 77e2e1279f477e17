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
    public func dashboard(_ overview: RoundOverview, sector: String?, filter: RoundFilter, order: HeatmapOrder,
                          rows: (Int) -> Range<Int>) async throws -> RoundDashboard? {
        let round = overview.round
        guard let content = try await roundContent(roundID: round.id) else { return nil }
        let rounds = store.rounds
        let query = try await heldQuery(round, sector: sector, filter: filter)
        let read = try await readFigures(overview, content: content, lastYearRoundID: query.lastYearRoundID).filter { sector == nil || $0.sector == sector }
        var tally = try await rounds.tally(roundID: round.id, sector: sector)
        var staffBySector = try await rounds.staffTallies(roundID: round.id, sector: sector)
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
        let names = try await rounds.gapNames(roundID: round.id, requirementIDs: gaps.map(\.requirement.id), sector: sector, limit: Self.themeNames)
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

    /// Where the round stands on `today`: its members counted by stage and sector, and those it reads through a crosswalk.
    public func overview(roundID: Int64, today: CalendarDate) async throws -> RoundOverview {
        guard let round = try await store.rounds.find(id: roundID) else { throw ApplicationError("no round \(roundID); see 's11 round list'") }
        return RoundOverview(round: round, today: today, counts: try await store.rounds.stageCounts(roundID: roundID, overdue: today > round.deadline),
                             readings: try await store.rounds.readings(roundID: roundID))
    }

    /// `rows(total)` of the round's members of `sector` that `filter` admits, by organisation, and
    /// how many it admits in all; counted and paged by the store, with the few read through a
    /// crosswalk merged in (`dashboard.admitted` decides which of those a filter on what the board holds admits).
    public func members(_ overview: RoundOverview, sector: String?, filter: RoundFilter, admitted: Set<Int64>?,
                        rows: (Int) -> Range<Int>) async throws -> (members: [(row: RoundMemberStatus, stage: RoundStage)], total: Int) {
        let round = overview.round
        let stage: RoundStage? = switch filter.stage {
        case nil: nil
        case .notStarted?: .notStarted
        case .inProgress?: .inProgress
        case .overdue?: .overdue
        case .submitted?, .moderated?: .submitted
        }
        let query = RoundStore.MemberQuery(roundID: round.id, sector: sector, stage: stage, overdue: overview.isOverdue,
                                           held: filter.narrowsHeld ? try await heldQuery(round, sector: sector, filter: filter) : nil)
        let read = overview.readings.filter { row, stage in
            (sector == nil || row.member.sector == sector) && filter.admits(stage: stage, admittedHeld: admitted?.contains(row.auditID) ?? !filter.narrowsHeld)
        }
        let total = try await store.rounds.memberCount(query) + read.count
        let range = rows(total)
        func withStage(_ row: RoundMemberStatus) -> (row: RoundMemberStatus, stage: RoundStage) { (row, row.stage(deadline: round.deadline, today: overview.today)) }
        guard !read.isEmpty else { return (try await store.rounds.members(query, range: range).map(withStage), total) }
        let merged = (try await store.rounds.members(query, range: 0..<range.upperBound).map(withStage) + read)
            .sorted { $0.row.member.organisation.lowercased() < $1.row.member.organisation.lowercased() }
        return (Array(merged.dropFirst(range.lowerBound).prefix(range.count)), total)
    }

    /// Which organisations the board holds in `round` a read is of, with last year's round of the board for the movement.
    private func heldQuery(_ round: BoardRound, sector: String?, filter: RoundFilter) async throws -> RoundStore.HeldQuery {
        RoundStore.HeldQuery(roundID: round.id, sector: sector, filter: filter,
                             lastYearRoundID: try await store.rounds.find(board: round.board, year: round.year - 1)?.id)
    }

    /// The organisations the round reads through a crosswalk whose own board holds their return,
    /// read into the round's catalogue, with last year's overall from the board's round `lastYearRoundID`.
    private func readFigures(_ overview: RoundOverview, content: AuditContent, lastYearRoundID: Int64?) async throws -> [RoundPicture.Submitted] {
        let rows = overview.readings.map(\.row).filter { $0.submittedAt != nil }
        guard !rows.isEmpty else { return [] }
        let scores = try await readThrough(roundID: overview.round.id, readings: rows, submitted: try await store.rounds.boardScores(auditIDs: rows.map(\.auditID)),
                                           content: content)
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
