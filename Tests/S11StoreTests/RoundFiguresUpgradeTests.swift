import Foundation
import S11Core
import S11TestSupport
import Testing
@testable import S11Store

/// A store from before the round page's figures were kept: upgrading fills them in from what the
/// board already holds, so the page of a round under way shows it.
@Suite struct RoundFiguresUpgradeTests {
    @Test func upgradingKeepsTheFiguresOfWhatTheBoardAlreadyHolds() async throws {
        let location = TestDatabase.fresh(sqlite: FileManager.default.temporaryDirectory.appendingPathComponent("s11-\(UUID().uuidString).sqlite").path)
        do {
            let engine: any DatabaseEngine = await TestDatabase.onPostgres ? try PostgresEngine(url: location) : try SQLiteEngine(path: location)
            try await Schema.migrate(engine, upTo: "v34: last year's evidence documents offered with the answers they came with, marked until kept or removed")
            try await engine.write { db in
                try await db.execute("INSERT INTO round (board, year, deadline, openedAt, openedBy) VALUES ('Board', 2027, '2027-03-31', 'x', 'x')")
                for (id, name, submitted) in [(1, "Member 10", true), (2, "Member 9", true), (3, "Member 1", false)] {
                    try await db.execute("INSERT INTO audit (organisation, year, openedAt) VALUES (?, 2027, 'x')", [name])
                    try await db.execute("INSERT INTO roundMember (auditID, roundID, sector, leadName, leadEmail, submittedAt) VALUES (?, 1, 'Police', 'L', 'l@x.org', ?)",
                                         [Int64(id), submitted ? "2027-03-01T09:00:00Z" : nil])
                    try await db.execute("""
                        INSERT INTO boardScore (auditID, kind, scopeID, position, percent, rag, isGap) VALUES
                            (?, 'overall', '', 0, ?, 'amber', 0), (?, 'standard', 'S1', 1, 50, 'red', 0), (?, 'requirement', '1.1', 2, 20, 'red', 1)
                        """, [Int64(id), Double(40 + id), Int64(id), Int64(id)])
                }
            }
        }
        let store = try await AuditStore(database: location)
        let held = try await store.rounds.held(RoundStore.HeldQuery(roundID: 1), order: .name)
        #expect(held.map(\.organisation) == ["Member 9", "Member 10"])
        let tally = try await store.rounds.tally(roundID: 1, sector: "Police")
        let submitted = try await store.rounds.boardScores(roundID: 1).map { RoundPicture.Submitted(organisation: "\($0.key)", sector: "Police", scores: $0.value) }
        #expect(tally == RoundTally(submitted))
        #expect(tally[.held] == 2 && tally[.gap(requirementID: "1.1")] == 2 && tally[.band(scope: "S1", .red)] == 2)
        #expect(try await store.rounds.tally(roundID: 1) == tally)
        #expect(try await store.rounds.gapNames(roundID: 1, requirementIDs: ["1.1"], sector: nil, limit: 10) == ["1.1": ["Member 9", "Member 10"]])
    }
}
