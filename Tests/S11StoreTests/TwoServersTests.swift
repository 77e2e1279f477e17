import Foundation
import S11Core
import S11TestSupport
import Testing
@testable import S11Store

/// Two servers on one PostgreSQL store (two stores, each with its own pool of connections, as two
/// `s11 serve` processes have): officers of several audits save at once through both, each
/// audit's writes one at a time and other audits' beside them, and every save acknowledged is
/// stored, once.
@Suite struct TwoServersTests {
    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func officersSavingThroughTwoServersLoseNothing() async throws {
        let url = try #require(TestDatabase.freshPostgres())
        let first = try await AuditStore(database: url + "&pool=8")
        let second = try await AuditStore(database: url + "&pool=8")
        var audits: [AuditRecord] = []
        for organisation in ["Riverside District Council", "Hillside Borough Council", "Westmoor Trust"] {
            let audit = try await first.audits.open(organisation: organisation, year: 2026, files: TrailTests().files)
            try await first.officers.import((0..<4).map { Officer(name: "Officer \($0)", email: "officer\($0)@\(audit.id).example", role: "dso",
                                                                  serviceArea: "Housing") }, auditID: audit.id)
            audits.append(audit)
        }
        let saves = audits.flatMap { audit in (0..<4).flatMap { officer in (0..<10).map { question in (audit.id, officer, question) } } }
        let acknowledged = try await withThrowingTaskGroup(of: (Int64, Int, Int).self) { group in
            for (index, save) in saves.enumerated() {
                let store = index % 2 == 0 ? first : second
                group.addTask {
                    let (auditID, officer, question) = save
                    try await store.returns.saveAnswers([Answer(questionID: "Q\(question)", choice: .option("mostly"), evidence: "save \(index)")],
                                                        officerEmail: "officer\(officer)@\(auditID).example", auditID: auditID)
                    return save
                }
            }
            return try await group.reduce(into: [(Int64, Int, Int)]()) { $0.append($1) }
        }
        #expect(acknowledged.count == saves.count)
        let stored = try await first.engine.read { db in
            try await db.fetchAll("""
                SELECT officer.auditID, officer.email, answer.questionID, COUNT(*) AS copies FROM answer JOIN officer ON officer.id = answer.officerID
                GROUP BY officer.auditID, officer.email, answer.questionID
                """)
        }
        #expect(stored.count == saves.count)
        #expect(stored.allSatisfy { $0.values.last == .integer(1) })
    }
}
