import Foundation
import S11TestSupport
import Synchronization
import Testing
@testable import S11Store
import S11Core

/// On PostgreSQL a staff answer that grows its audit's codebook locks that audit's writers only:
/// another audit's writer holding its lock does not hold it up, while the same audit's does.
@Suite struct StaffCodebookLockTests {
    func audit(_ store: AuditStore, _ organisation: String) async throws -> AuditRecord {
        try await store.audits.open(organisation: organisation, year: 2026,
                                    files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
    }

    /// Waits until `done` or 30 seconds pass; true when done.
    func settles(_ done: borrowing Mutex<Bool>) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while !done.withLock({ $0 }) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return done.withLock { $0 }
    }

    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func aGrowingCodebookWaitsForItsOwnAuditsWritersOnly() async throws {
        let store = try await AuditStore(database: try #require(TestDatabase.freshPostgres()) + "&pool=6")
        let riverside = try await audit(store, "Riverside District Council"), hillside = try await audit(store, "Hillside Borough Council")
        // An officer's save on Riverside, held open.
        let holder = await HeldWrite(store, [.audit(riverside.id)])
        // Hillside's first staff answer grows Hillside's codebook: it goes through.
        let hillsideDone = Mutex(false)
        let hillsideSave = Task {
            try await store.staff.saveResponses([StaffResponse(profile: ["service-area": "housing"], answers: ["SC01": "agree"])],
                                                auditID: hillside.id)
            hillsideDone.withLock { $0 = true }
        }
        #expect(try await settles(hillsideDone), "Hillside's growing codebook waited for Riverside's writer")
        // Riverside's first staff answer grows Riverside's codebook: it waits for Riverside's writer.
        let riversideDone = Mutex(false)
        let riversideSave = Task {
            try await store.staff.saveResponses([StaffResponse(profile: ["service-area": "leisure"], answers: ["SC01": "disagree"])],
                                                auditID: riverside.id)
            riversideDone.withLock { $0 = true }
        }
        try await Task.sleep(for: .seconds(1))
        #expect(!riversideDone.withLock { $0 }, "Riverside's growing codebook did not wait for Riverside's writer")
        try await holder.end()
        #expect(try await settles(riversideDone))
        _ = try await hillsideSave.value
        _ = try await riversideSave.value
        #expect(try await store.staff.responses(auditID: hillside.id).count == 1)
        #expect(try await store.staff.responses(auditID: riverside.id).map(\.answers) == [["SC01": "disagree"]])
    }
}
