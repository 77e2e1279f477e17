import Foundation
import S11TestSupport
import Testing
@testable import S11Store
import S11Core

@Suite struct RetentionTests {
    @Test func staffAnswersPastTheRetentionPeriodGoAndNewerOnesStay() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let old = try await store.audits.open(organisation: "Riverside District Council", year: 2023,
                                      files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        let new = try await store.audits.open(organisation: "Riverside District Council", year: 2026,
                                      files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        try await store.staff.saveResponses([
            StaffResponse(profile: [:], answers: ["SC01": "agree"], submittedOn: CalendarDate(iso: "2023-11-20")),
            StaffResponse(profile: [:], answers: ["SC01": "agree"], submittedOn: nil),          // no day: judged by its audit's year
        ], auditID: old.id)
        try await store.staff.saveResponses([StaffResponse(profile: [:], answers: ["SC01": "disagree"], submittedOn: CalendarDate(iso: "2026-11-20"))],
                                     auditID: new.id)
        let today = ISO8601DateFormatter().date(from: "2027-06-01T12:00:00Z")!
        // Kept for 5 years (cutoff 1 June 2022): nothing is old enough.
        #expect(try await store.care.deleteStaffResponses(olderThan: 5, today: today) == 0)
        // Kept for 3 years (cutoff 1 June 2024): both of 2023's go, the dated one and the undated one.
        #expect(try await store.care.deleteStaffResponses(olderThan: 3, today: today) == 2)
        #expect(try await store.staff.responses(auditID: old.id).isEmpty)
        #expect(try await store.staff.responses(auditID: new.id).count == 1)
    }

    /// A store with Asha's return and a document of hers whose bytes carry `marker` throughout.
    func storeWithDocument(at database: String, marker: String) async throws -> (AuditStore, AuditRecord) {
        let store = try await AuditStore(database: database)
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026,
                                                files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        try await store.officers.import([Officer(name: "Asha Patel", email: "asha@riverside.example", role: "dso", serviceArea: "Housing")],
                                        auditID: audit.id)
        let bytes = Data(String(repeating: marker + " ", count: 40_000).utf8)
        let upload = try DocumentStoreTests.upload("supervision notes.txt", bytes: bytes, type: .text, sha256: String(repeating: "cd", count: 32))
        defer { try? FileManager.default.removeItem(at: upload.contents) }
        _ = try await store.documents.attach(upload, questionID: "1.1", officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha", limits: .standard)
        return (store, audit)
    }

    /// Whether any of an SQLite store's files (the database, its log) holds `marker`.
    func filesHold(_ marker: String, _ path: String) throws -> Bool {
        try [path, path + "-wal"].contains { file in
            guard FileManager.default.fileExists(atPath: file) else { return false }
            return try Data(contentsOf: URL(fileURLWithPath: file)).range(of: Data(marker.utf8)) != nil
        }
    }

    @Test func documentsPastTheirRetentionPeriodGoAndTheirBytesAreGoneFromTheFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s11-retention-\(UUID().uuidString).sqlite").path
        let marker = "SUPERVISION-NOTES-\(UUID().uuidString)"
        let (store, audit) = try await storeWithDocument(at: path, marker: marker)
        #expect(try filesHold(marker, path))                                                       // the scan finds them while kept
        #expect(try await store.care.deleteDocuments(olderThan: 2, today: Date()) == 0)            // attached today: kept
        #expect(try await store.care.deleteDocuments(olderThan: 2, today: Date().addingTimeInterval(3 * 366 * 86_400)) == 1)
        #expect(try await store.documents.documents(auditID: audit.id).isEmpty)
        #expect(try await store.documents.storedBytes() == (0, 0))
        #expect(try !filesHold(marker, path))                                                      // not just unlinked: gone
        let entry = try #require(try await store.trail.entries(auditID: audit.id).last)
        #expect(entry.who == "s11 purge" && entry.field == "removed after 2 years" && entry.old == "supervision notes.txt")
    }

    @Test func erasingAnOfficerLeavesNoneOfTheirDocumentsBytesInTheFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s11-erase-\(UUID().uuidString).sqlite").path
        let marker = "ASHA-NOTES-\(UUID().uuidString)"
        let (store, _) = try await storeWithDocument(at: path, marker: marker)
        #expect(try filesHold(marker, path))
        #expect(try await store.care.eraseOfficer(email: "asha@riverside.example") == 1)
        #expect(try !filesHold(marker, path))
    }

    @Test func thePurgeRunsOnEitherEngine() async throws {
        let (store, audit) = try await storeWithDocument(at: TestDatabase.fresh(), marker: "NOTES")
        #expect(try await store.care.deleteDocuments(olderThan: 1, today: Date().addingTimeInterval(2 * 366 * 86_400)) == 1)
        #expect(try await store.documents.documents(auditID: audit.id).isEmpty)
        #expect(try await store.documents.storedBytes() == (0, 0))
    }
}
