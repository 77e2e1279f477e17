import Foundation
import S11TestSupport
import Testing
@testable import S11Store

/// A staff answer set belongs to an audit the store holds, whichever way it is written (one
/// INSERT, or the bulk path, COPY on PostgreSQL, where the rule is checked once a statement
/// rather than once a row), and goes when its audit goes. Both engines.
@Suite struct StaffAnswerSetAuditTests {
    static let columns = ["auditID", "id", "submittedOn", "codes"]
    static let files: [(kind: String, path: String, data: Data)] = [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))]

    /// `count` answer sets of the audit numbered `auditID`, each with its own key.
    static func answerSets(_ count: Int, auditID: Int64) -> [[SQLValue]] {
        (0..<count).map { _ in
            [.integer(auditID), .blob(Data(UUID().uuidString.utf8.prefix(16))), .text("2026-11-02"), .blob(Data([1, 2, 3]))]
        }
    }

    func answerSetCount(_ store: AuditStore) async throws -> Int64 {
        try await store.engine.read { db in
            try await db.fetchValue(Int64.self, "SELECT COUNT(*) FROM staffAnswerSet", [], table: "staffAnswerSet") ?? -1
        }
    }

    @Test func answerSetsNamingAnAuditTheStoreDoesNotHoldAreRefusedWhole() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: Self.files)
        // One row, and enough rows to take the bulk path, each with the held audit's answer sets before them.
        for count in [1, PostgresSession.copyFromRows + 50] {
            await #expect(throws: (any Error).self, "\(count) answer sets of an audit not held were stored") {
                try await store.engine.write { db in
                    try await db.insertRows(into: "staffAnswerSet", columns: Self.columns,
                                            Self.answerSets(count, auditID: audit.id) + Self.answerSets(count, auditID: audit.id + 1_000))
                }
            }
            #expect(try await answerSetCount(store) == 0)
        }
        // The held audit's alone go through, both ways.
        for count in [1, PostgresSession.copyFromRows + 50] {
            try await store.engine.write { db in
                try await db.insertRows(into: "staffAnswerSet", columns: Self.columns, Self.answerSets(count, auditID: audit.id))
            }
        }
        #expect(try await answerSetCount(store) == Int64(PostgresSession.copyFromRows + 51))
        // Moving them to an audit not held is refused too.
        await #expect(throws: (any Error).self) {
            try await store.engine.write { db in try await db.execute("UPDATE staffAnswerSet SET auditID = ?", [audit.id + 1_000]) }
        }
    }

    @Test func anAuditDeletedTakesItsAnswerSetsWithIt() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let riverside = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: Self.files)
        let hillside = try await store.audits.open(organisation: "Hillside Borough Council", year: 2026, files: Self.files)
        try await store.engine.write { db in
            try await db.insertRows(into: "staffAnswerSet", columns: Self.columns,
                                    Self.answerSets(300, auditID: riverside.id) + Self.answerSets(3, auditID: hillside.id))
        }
        // An audit that keeps answer sets keeps its number.
        await #expect(throws: (any Error).self) {
            try await store.engine.write { db in try await db.execute("UPDATE audit SET id = ? WHERE id = ?", [hillside.id + 1_000, hillside.id]) }
        }
        try await store.engine.write { db in try await db.execute("DELETE FROM audit WHERE id = ?", [riverside.id]) }
        #expect(try await answerSetCount(store) == 3)
    }
}
