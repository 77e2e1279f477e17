import Foundation
import S11Core

/// What a round's page reads of the organisations the board holds, kept up to date in the
/// transaction of every write that changes it (a submission to the board, a moderation by the
/// board that holds it, a self-assessment given back): a row per organisation (`roundFigure`:
/// its heatmap row's lines, the lines its counts came from, and its order keys), each sector's counts (`roundTally`),
/// the round's counts summed over its sectors (`roundTotal`) and the organisations each requirement
/// is a gap in (`roundGap`). A request reads a page of rows and the counts, not every organisation's lines.
enum RoundFigures {
    /// Brings the audit's figures up to date with what the board holds of it now, in the caller's
    /// transaction: its old part of the counts taken away, its new part (if the board holds it) added.
    static func keep(auditID: Int64, db: any SQLConnection) async throws {
        // What changes in the counts, by round and sector: the old part taken away, the new one added.
        var changes: [Change: RoundTally] = [:]
        if let old = try await db.fetchOne(RoundFigureRow.self, "SELECT *, NULL AS lastYear FROM roundFigure WHERE auditID = ?", [auditID]) {
            changes[Change(roundID: old.roundID, sector: old.submitted.sector), default: RoundTally()] -= RoundTally(old.submitted)
            try await db.execute("DELETE FROM roundGap WHERE auditID = ?", [auditID])
            try await db.execute("DELETE FROM roundFigure WHERE auditID = ?", [auditID])
        }
        guard let held = try await db.fetchOne("""
            SELECT roundMember.roundID, roundMember.sector, audit.organisation FROM roundMember JOIN audit ON audit.id = roundMember.auditID
            WHERE roundMember.auditID = ? AND roundMember.submittedAt IS NOT NULL
            """, [auditID]) else { return try await apply(changes, db: db) }
        let columns = RowColumns(held, query: "the organisation the board holds")
        let roundID: Int64 = try columns("roundID")
        let scores = try await RoundStore.boardScores(auditIDs: [auditID], db: db)[auditID] ?? []
        let organisation = RoundPicture.Submitted(auditID: auditID, organisation: try columns("organisation"), sector: try columns("sector"),
                                                  scores: scores)
        // A requirement's line is kept when it is a gap or moderated: nothing else of it is shown or counted.
        let kept = scores.filter { $0.kind != .requirement || $0.isGap || $0.moderated != nil }
        let cells = scores.filter { $0.kind == .overall || $0.kind == .standard }
        let bands = Rag.allCases.map { rag in Int64(organisation.standardLines.filter { $0.effectiveRag == rag }.count) }
        try await db.execute("""
            INSERT INTO roundFigure (roundID, auditID, organisation, organisationKey, nameKey, sector, sectorKey, overall, moderated,
                blueStandards, greenStandards, amberStandards, redStandards, cells, lines)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [roundID, auditID, organisation.organisation, organisation.organisation.lowercased(), NaturalOrder.key(organisation.organisation),
                  organisation.sector, NaturalOrder.key(organisation.sector), organisation.overall?.boardPercent, organisation.isModerated ? 1 : 0,
                  bands[0], bands[1], bands[2], bands[3], String(decoding: try JSONEncoder.sorted.encode(cells), as: UTF8.self),
                  String(decoding: try JSONEncoder.sorted.encode(kept), as: UTF8.self)])
        let gaps = Set(scores.filter { $0.kind == .requirement && $0.isGap }.map(\.scopeID)).sorted()
        try await db.insertRows(into: "roundGap", columns: ["roundID", "requirementID", "sector", "nameKey", "auditID", "organisation"], gaps.map {
            [.integer(roundID), .text($0), .text(organisation.sector), .text(NaturalOrder.key(organisation.organisation)), .integer(auditID),
             .text(organisation.organisation)]
        })
        changes[Change(roundID: roundID, sector: organisation.sector), default: RoundTally()] += RoundTally(organisation)
        try await apply(changes, db: db)
    }

    /// A round's sector whose counts change.
    private struct Change: Hashable, Comparable {
        var roundID: Int64
        var sector: String

        static func < (a: Change, b: Change) -> Bool { (a.roundID, a.sector) < (b.roundID, b.sector) }
    }

    /// Adds each sector's changes to its counts, then their sum to the round's: rows always in one
    /// order (rounds, sectors, keys), so that two writers to one round take the rows' locks in the
    /// same order and neither waits on the other in a circle.
    private static func apply(_ changes: [Change: RoundTally], db: any SQLConnection) async throws {
        var totals: [Int64: RoundTally] = [:]
        for (change, tally) in changes.sorted(by: { $0.key < $1.key }) {
            try await add(tally, to: "roundTally", roundID: change.roundID, sector: change.sector, db: db)
            totals[change.roundID, default: RoundTally()] += tally
        }
        for (roundID, tally) in totals.sorted(by: { $0.key < $1.key }) {
            try await add(tally, to: "roundTotal", roundID: roundID, sector: nil, db: db)
        }
    }

    /// Adds `tally` to the counts of `table` (a sector's, or the round's when `sector` is nil) in one
    /// statement, its keys in order, and drops those of its counts taken down to zero.
    private static func add(_ tally: RoundTally, to table: String, roundID: Int64, sector: String?, db: any SQLConnection) async throws {
        let counts = tally.counts.map { ($0.key.text, $0.value) }.sorted { $0.0 < $1.0 }
        guard !counts.isEmpty else { return }
        let scope: [any SQLBindable] = [roundID] + (sector.map { [$0] } ?? [])
        let columns = sector == nil ? "roundID, tally, count" : "roundID, sector, tally, count"
        let row = "(" + RoundStore.placeholders(scope.count + 2) + ")"
        try await db.execute("""
            INSERT INTO \(table) (\(columns)) VALUES \(Array(repeating: row, count: counts.count).joined(separator: ", "))
            ON CONFLICT (\(sector == nil ? "roundID" : "roundID, sector"), tally) DO UPDATE SET count = \(table).count + excluded.count
            """, counts.flatMap { key, count -> [any SQLBindable] in scope + [key, Int64(count)] })
        // Only a count taken from can reach zero.
        let taken = counts.filter { $0.1 < 0 }.map(\.0)
        guard !taken.isEmpty else { return }
        try await db.execute("""
            DELETE FROM \(table) WHERE roundID = ?\(sector == nil ? "" : " AND sector = ?") AND count = 0
                AND tally IN (\(RoundStore.placeholders(taken.count)))
            """, scope + taken)
    }
}
