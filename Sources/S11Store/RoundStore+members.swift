import S11Core

/// The round page's reads of the round's member organisations: how many are at each stage, by
/// sector, and one page of those a filter admits, counted and ordered in SQL rather than read whole.
extension RoundStore {
    /// Which members answering the round's catalogue a read is of (the few it reads through a
    /// crosswalk are `readings(roundID:)`): those of `sector`, at `stage`, that the board holds
    /// and `held` admits (when given), on a day after the deadline (`overdue`) or not.
    public struct MemberQuery: Sendable {
        public var roundID: Int64
        public var sector: String?
        public var stage: RoundStage?
        public var overdue: Bool
        public var held: HeldQuery?

        public init(roundID: Int64, sector: String? = nil, stage: RoundStage? = nil, overdue: Bool, held: HeldQuery? = nil) {
            self.roundID = roundID
            self.sector = sector
            self.stage = stage
            self.overdue = overdue
            self.held = held
        }

        /// Each member's stage, as `RoundStage.of` gives it, from the members' row `m`.
        var stageCase: String {
            """
            CASE WHEN m.submittedAt IS NOT NULL THEN '\(RoundStage.submitted.rawValue)' \
            WHEN \(overdue ? "1 = 1" : "1 = 0") THEN '\(RoundStage.overdue.rawValue)' \
            WHEN m.started > 0 THEN '\(RoundStage.inProgress.rawValue)' ELSE '\(RoundStage.notStarted.rawValue)' END
            """
        }

        /// The FROM and WHERE of the query, with its arguments.
        var clauses: (sql: String, arguments: [any SQLBindable]) {
            var conditions: [String] = []
            var arguments: [any SQLBindable] = [roundID]
            if let sector {
                conditions.append("m.sector = ?")
                arguments.append(sector)
            }
            if let stage {
                conditions.append("\(stageCase) = ?")
                arguments.append(stage.rawValue)
            }
            if let held {
                let (from, heldArguments) = held.clauses
                conditions.append("m.auditID IN (SELECT f.auditID \(from))")
                arguments += heldArguments
            }
            // Each member with whether any officer has started (an index probe each): its officers are
            // counted only for the rows a page shows (`counted`).
            return ("""
                FROM (SELECT \(RoundStore.memberColumns), NULL AS crosswalkID,
                        CASE WHEN EXISTS (SELECT 1 FROM officer WHERE officer.auditID = roundMember.auditID
                            AND officer.status <> '\(ReturnStatus.notStarted.rawValue)') THEN 1 ELSE 0 END AS started
                    FROM roundMember JOIN audit ON audit.id = roundMember.auditID WHERE roundMember.roundID = ?) m
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                """, arguments)
        }
    }

    /// The audit of one member answering the round's catalogue (any: the round opened them all on its content); nil when none does.
    public func anyMemberAuditID(roundID: Int64) async throws -> Int64? {
        try await engine.read { db in
            try await db.fetchValue(Int64.self, "SELECT auditID FROM roundMember WHERE roundID = ? ORDER BY auditID LIMIT 1", [roundID], table: "roundMember")
        }
    }

    /// How many of the members answering the round's catalogue are at each stage, by sector.
    public func stageCounts(roundID: Int64, overdue: Bool) async throws -> [String: [RoundStage: Int]] {
        let query = MemberQuery(roundID: roundID, overdue: overdue)
        let (from, arguments) = query.clauses
        return try await engine.read { db in
            var counts: [String: [RoundStage: Int]] = [:]
            for row in try await db.fetchAll("SELECT m.sector, \(query.stageCase) AS stage, COUNT(*) AS count \(from) GROUP BY m.sector, stage", arguments) {
                let columns = RowColumns(row, query: "the round's members counted by stage")
                let stage: String = try columns("stage")
                guard let known = RoundStage(rawValue: stage) else { throw StoreError("a member's stage was read as '\(stage)'") }
                counts[try columns("sector"), default: [:]][known] = try columns("count")
            }
            return counts
        }
    }

    /// The members `query` admits, `range` of them by organisation (`started` is 1 when any officer has started, not how many).
    public func members(_ query: MemberQuery, range: Range<Int>) async throws -> [RoundMemberStatus] {
        let (from, arguments) = query.clauses
        return try await engine.read { db in
            try await db.fetchAll(RoundMemberStatusRow.self, """
                SELECT p.*, (SELECT COUNT(*) FROM officer WHERE officer.auditID = p.auditID) AS officers,
                    (SELECT COUNT(*) FROM officer WHERE officer.auditID = p.auditID AND officer.status = '\(ReturnStatus.submitted.rawValue)') AS submittedReturns
                FROM (SELECT m.* \(from) ORDER BY m.organisation LIMIT \(range.count) OFFSET \(range.lowerBound)) p ORDER BY p.organisation
                """, arguments).map(\.status)
        }
    }

    /// How many members `query` admits.
    public func memberCount(_ query: MemberQuery) async throws -> Int {
        let (from, arguments) = query.clauses
        return try await engine.read { db in
            try await db.fetchValue(Int.self, "SELECT COUNT(*) \(from)", arguments, table: "roundMember") ?? 0
        }
    }

    /// The organisations the round reads through a crosswalk, with their own board's submission and their returns counted.
    public func readings(roundID: Int64) async throws -> [RoundMemberStatus] {
        try await engine.read { db in
            try await db.fetchAll(RoundMemberStatusRow.self, Self.readingQuery, [roundID]).map(\.status)
        }
    }

    /// A member of the round answering its catalogue, by its audit.
    public func member(roundID: Int64, auditID: Int64) async throws -> RoundMemberStatus? {
        try await engine.read { db in
            try await db.fetchOne(RoundMemberStatusRow.self, Self.memberQuery + " WHERE roundMember.roundID = ? AND roundMember.auditID = ? GROUP BY \(Self.memberColumns)",
                                  [roundID, auditID])?.status
        }
    }
}
