import S11Core

/// The round page's reads of what `RoundFigures` keeps: each sector's counts, a page of the
/// heatmap in the order asked, and the organisations a requirement is a gap in.
extension RoundStore {
    /// Which organisations the board holds a read is of: those of `sector` (every one when nil)
    /// that `filter` admits, with last year's overall from the board's round `lastYearRoundID`.
    public struct HeldQuery: Sendable {
        public var roundID: Int64
        public var sector: String?
        public var filter: RoundFilter
        public var lastYearRoundID: Int64?

        public init(roundID: Int64, sector: String? = nil, filter: RoundFilter = RoundFilter(), lastYearRoundID: Int64? = nil) {
            self.roundID = roundID
            self.sector = sector
            self.filter = filter
            self.lastYearRoundID = lastYearRoundID
        }

        /// The FROM and WHERE of the query, with its arguments.
        var clauses: (sql: String, arguments: [any SQLBindable]) {
            var conditions = ["f.roundID = ?"]
            var arguments: [any SQLBindable] = [lastYearRoundID ?? -1, roundID]
            if let sector {
                conditions.append("f.sector = ?")
                arguments.append(sector)
            }
            switch filter.stage {
            case nil, .submitted?: break
            case .moderated?: conditions.append("f.moderated = 1")
            // Every organisation the board holds is at the stage "submitted".
            case .notStarted?, .inProgress?, .overdue?: conditions.append("1 = 0")
            }
            if let band = filter.band { conditions.append("f.\(band.rawValue)Standards > 0") }
            // As ScoreMovement.Line.change rounds it: to a tenth of a point, so a change under 0.05 is none.
            if filter.changedSinceLastYear { conditions.append("ly.overall IS NOT NULL AND f.overall IS NOT NULL AND ABS((f.overall - ly.overall) * 10) >= 0.5") }
            return ("""
                FROM roundFigure f LEFT JOIN roundFigure ly ON ly.roundID = ? AND ly.organisationKey = f.organisationKey
                WHERE \(conditions.joined(separator: " AND "))
                """, arguments)
        }
    }

    /// The counts of the organisations the board holds in the round (of `sector`, when given), summed over the sectors.
    public func tally(roundID: Int64, sector: String? = nil) async throws -> RoundTally {
        try await engine.read { db in
            RoundTally(counts: try await Self.counts(db.fetchAll(RoundTallyRow.self, sector == nil
                ? "SELECT '' AS sector, tally, count FROM roundTotal WHERE roundID = ?"
                : "SELECT sector, tally, count FROM roundTally WHERE roundID = ? AND sector = ?", [roundID] + (sector.map { [$0] } ?? []))))
        }
    }

    /// The staff survey's counts of the organisations held, each sector's (of `sector` only, when given).
    public func staffTallies(roundID: Int64, sector: String? = nil) async throws -> [String: RoundTally] {
        // A range of keys a prefix, read from the index roundTallyByKey (or the primary key, with a sector).
        let ranges = RoundTally.Key.staffTextPrefixes.map { prefix -> (String, String) in
            (prefix, String(prefix.dropLast()) + String(UnicodeScalar(prefix.utf8.last! + 1)))
        }
        let select = "SELECT sector, tally, count FROM roundTally WHERE roundID = ?\(sector == nil ? "" : " AND sector = ?") AND tally >= ? AND tally < ?"
        return try await engine.read { db in
            Dictionary(grouping: try await db.fetchAll(RoundTallyRow.self, Array(repeating: select, count: ranges.count).joined(separator: " UNION ALL "),
                                                       ranges.flatMap { from, to -> [any SQLBindable] in [roundID] + (sector.map { [$0] } ?? []) + [from, to] }),
                       by: \.sector).mapValues { RoundTally(counts: Self.counts($0)) }
        }
    }

    private static func counts(_ rows: [RoundTallyRow]) -> [RoundTally.Key: Int] {
        Dictionary(rows.map { ($0.key, $0.count) }, uniquingKeysWith: +)
    }

    /// The organisations held that `query` admits, `range` of them in `order` (every one when nil):
    /// their overall and standards' lines, what a heatmap's row shows.
    public func held(_ query: HeldQuery, order: HeatmapOrder, range: Range<Int>? = nil) async throws -> [RoundPicture.Submitted] {
        let (from, arguments) = query.clauses
        // In the order of the index roundFigureWorstFirst, so that a page of the heatmap is read, not the whole round sorted.
        let worst = "f.overall IS NULL, f.overall, f.nameKey"
        let orderBy = switch order {
        case .worstFirst: worst
        case .name: "f.nameKey"
        case .sector: "f.sectorKey, " + worst
        case .mostReds: "f.redStandards DESC, " + worst
        }
        let limit = range.map { " LIMIT \($0.count) OFFSET \($0.lowerBound)" } ?? ""
        return try await engine.read { db in
            try await db.fetchAll(RoundFigureRow.self, "SELECT f.roundID, f.auditID, f.organisation, f.sector, f.cells AS lines, ly.overall AS lastYear \(from) ORDER BY \(orderBy)\(limit)", arguments).map(\.submitted)
        }
    }

    /// How many organisations held `query` admits.
    public func heldCount(_ query: HeldQuery) async throws -> Int {
        let (from, arguments) = query.clauses
        return try await engine.read { db in
            try await db.fetchValue(Int.self, "SELECT COUNT(*) \(from)", arguments, table: "roundFigure") ?? 0
        }
    }

    /// The audits of the organisations held that `query` admits.
    public func heldAuditIDs(_ query: HeldQuery) async throws -> Set<Int64> {
        let (from, arguments) = query.clauses
        return try await engine.read { db in
            Set(try await db.fetchColumn(Int64.self, "SELECT f.auditID \(from)", arguments, table: "roundFigure"))
        }
    }

    /// The first `limit` organisations held (of `sector`, when given), in the order names are
    /// read, that each requirement is a gap in.
    public func gapNames(roundID: Int64, requirementIDs: [String], sector: String?, limit: Int) async throws -> [String: [String]] {
        try await engine.read { db in
            var names: [String: [String]] = [:]
            for id in requirementIDs {
                names[id] = try await db.fetchColumn(String.self, """
                    SELECT organisation FROM roundGap WHERE roundID = ? AND requirementID = ?\(sector == nil ? "" : " AND sector = ?")
                    ORDER BY nameKey LIMIT \(limit)
                    """, [roundID, id] + (sector.map { [$0] } ?? []), table: "roundGap")
            }
            return names
        }
    }

    /// What each named organisation (lower case) submitted overall in the round, as held.
    public func overalls(roundID: Int64, organisations: [String]) async throws -> [String: Double] {
        guard !organisations.isEmpty else { return [:] }
        return try await engine.read { db in
            var overalls: [String: Double] = [:]
            for row in try await db.fetchAll("""
                SELECT organisationKey, overall FROM roundFigure WHERE roundID = ? AND overall IS NOT NULL
                    AND organisationKey IN (\(Self.placeholders(organisations.count)))
                """, [roundID] + organisations) {
                let columns = RowColumns(row, table: "roundFigure")
                overalls[try columns("organisationKey")] = try columns("overall") as Double
            }
            return overalls
        }
    }
}
