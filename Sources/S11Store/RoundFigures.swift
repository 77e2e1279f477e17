import Foundation
import S11Core

/// What a round's page reads of the organisations the board holds, kept up to date in the
/// transaction of every write that changes it (a submission to the board, a moderation by the
/// board that holds it, a self-assessment given back): a row per organisation (`roundFigure`:
/// its heatmap row's lines, the lines its counts came from, and its order keys), each sector's counts (`roundTally`) and the
/// organisations each requirement is a gap in (`roundGap`). A request reads a page of rows and the
/// counts, not every organisation's lines.
enum RoundFigures {
    /// Brings the audit's figures up to date with what the board holds of it now, in the caller's
    /// transaction: its old part of the counts taken away, its new part (if the board holds it) added.
    static func keep(auditID: Int64, db: any SQLConnection) async throws {
        if let old = try await db.fetchOne(RoundFigureRow.self, "SELECT *, NULL AS lastYear FROM roundFigure WHERE auditID = ?", [auditID]) {
            var taken = RoundTally()
            taken -= RoundTally(old.submitted)
            try await add(taken, roundID: old.roundID, sector: old.submitted.sector, db: db)
            try await db.execute("DELETE FROM roundGap WHERE auditID = ?", [auditID])
            try await db.execute("DELETE FROM roundFigure WHERE auditID = ?", [auditID])
        }
        guard let held = try await db.fetchOne("""
            SELECT roundMember.roundID, roundMember.sector, audit.organisation FROM roundMember JOIN audit ON audit.id = roundMember.auditID
            WHERE roundMember.auditID = ? AND roundMember.submittedAt IS NOT NULL
            """, [auditID]) else { return }
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
        try await add(RoundTally(organisation), roundID: roundID, sector: organisation.sector, db: db)
    }

    /// Adds `tally` to the sector's counts in one statement, its keys in one order (so that two
    /// writers to one round take the rows' locks in the same order), and drops the counts now zero.
    private static func add(_ tally: RoundTally, roundID: Int64, sector: String, db: any SQLConnection) async throws {
        let counts = tally.counts.map { ($0.key.text, $0.value) }.sorted { $0.0 < $1.0 }
        guard !counts.isEmpty else { return }
        try await db.execute("""
            INSERT INTO roundTally (roundID, sector, tally, count) VALUES \(Array(repeating: "(?, ?, ?, ?)", count: counts.count).joined(separator: ", "))
            ON CONFLICT (roundID, sector, tally) DO UPDATE SET count = roundTally.count + excluded.count
            """, counts.flatMap { key, count -> [any SQLBindable] in [roundID, sector, key, Int64(count)] })
        try await db.execute("DELETE FROM roundTally WHERE roundID = ? AND sector = ? AND count = 0", [roundID, sector])
    }
}
