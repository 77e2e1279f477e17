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
}
