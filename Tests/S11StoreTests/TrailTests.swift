import Foundation
import S11TestSupport
import Testing
@testable import S11Store
import S11Core

/// Every change to an officer's return goes into the audit's trail in the transaction that makes
/// it, part by part with the value before and after; a change refused leaves no entry; nothing
/// rewrites an entry; the staff survey never enters it; erasing an officer takes theirs out.
@Suite struct TrailTests {
    let files: [(kind: String, path: String, data: Data)] = [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))]

    func store() async throws -> (AuditStore, AuditRecord) {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: files)
        try await store.officers.import([Officer(name: "Asha Patel", email: "asha@riverside.example", role: "dso", serviceArea: "Housing")],
                                        auditID: audit.id)
        return (store, audit)
    }

    @Test func eachChangedPartOfAnAnswerIsKeptWithItsValueBeforeAndAfterAndNothingElse() async throws {
        let (store, audit) = try await store()
        try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("yes"), evidence: "Policy 2026", example: nil, reason: nil)],
                                            officerEmail: "asha@riverside.example", auditID: audit.id)
        try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("partly"), evidence: "Policy 2026", example: nil, reason: "Two teams not yet")],
                                            officerEmail: "asha@riverside.example", auditID: audit.id)
        // Saved again unchanged: no entry.
        try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("partly"), evidence: "Policy 2026", example: nil, reason: "Two teams not yet")],
                                            officerEmail: "asha@riverside.example", auditID: audit.id)
        let entries = try await store.trail.entries(auditID: audit.id).filter { $0.subject != .officer }      // not the officer's being added
        let parts = entries.map { "\($0.subject.rawValue) \($0.field ?? ""): \($0.old ?? "-") -> \($0.new ?? "-")" }
        #expect(parts == ["answer rating: - -> yes", "evidence evidence: - -> Policy 2026", "return status: not started -> in progress",
                          "answer rating: yes -> partly", "answer reason: - -> Two teams not yet"])
        #expect(entries.allSatisfy { $0.officer == "asha@riverside.example" && $0.who == "asha@riverside.example (their link)" })
        #expect(entries.first?.item == "1.1")
        #expect(try await store.trail.entries(auditID: audit.id, item: "1.2").isEmpty)
        #expect(try await store.trail.entries(auditID: audit.id, officer: "ASHA@riverside.example").count == 6)
    }

    @Test func submittingAndReopeningAreKeptAndARefusedSaveLeavesNoEntry() async throws {
        let (store, audit) = try await store()
        try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("yes"), evidence: "Policy", example: nil, reason: nil)],
                                            officerEmail: "asha@riverside.example", auditID: audit.id)
        let shortfalls: [String] = try await store.returns.submit(officerEmail: "asha@riverside.example", auditID: audit.id) { _ in [] }
        #expect(shortfalls.isEmpty)
        let before = try await store.trail.entries(auditID: audit.id).count
        await #expect(throws: (any Error).self) {
            try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("no"), evidence: "Policy", example: nil, reason: "x")],
                                                officerEmail: "asha@riverside.example", auditID: audit.id)
        }
        #expect(try await store.trail.entries(auditID: audit.id).count == before)        // the refused save wrote no entry
        try await store.returns.reopen(officerEmail: "asha@riverside.example", auditID: audit.id, by: "lead@riverside.example", reason: "Evidence missing")
        let statuses = try await store.trail.entries(auditID: audit.id).filter { $0.subject == .returnStatus }
        #expect(statuses.map { "\($0.who): \($0.old ?? "") -> \($0.new ?? "")" } == [
            "asha@riverside.example (their link): not started -> in progress",
            "asha@riverside.example (their link): in progress -> submitted",
            "lead@riverside.example: submitted -> in progress",
        ])
    }

    @Test func nothingRewritesAnEntry() async throws {
        let (store, audit) = try await store()
        try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("yes"), evidence: "Policy", example: nil, reason: nil)],
                                            officerEmail: "asha@riverside.example", auditID: audit.id)
        await #expect(throws: (any Error).self) {
            try await store.engine.write { try await $0.execute("UPDATE trail SET new = 'no'") }
        }
        #expect(try await store.trail.entries(auditID: audit.id).first { $0.subject == .answer }?.new == "yes")
    }

    @Test func theStaffSurveyNeverEntersTheTrailAndErasingAnOfficerTakesTheirsOut() async throws {
        let (store, audit) = try await store()
        try await store.staff.saveResponses([StaffResponse(profile: ["role": "Social worker"], answers: ["SC01": "agree"], submittedOn: nil)],
                                            auditID: audit.id)
        #expect(try await store.trail.entries(auditID: audit.id).allSatisfy { $0.subject == .officer })      // the officer added, nothing of the survey
        try await store.returns.saveAnswers([Answer(questionID: "1.1", choice: .option("yes"), evidence: "Policy", example: nil, reason: nil)],
                                            officerEmail: "asha@riverside.example", auditID: audit.id)
        #expect(try await !store.trail.entries(auditID: audit.id).isEmpty)
        try await store.care.eraseOfficer(email: "Asha@Riverside.example")
        #expect(try await store.trail.entries(auditID: audit.id).isEmpty)
    }

    @Test func officersAddedChangedAndTakenOutAndTheirMessagesAreKeptWithWhoDidIt() async throws {
        let (store, audit) = try await store()
        let ben = Officer(name: "Ben Ross", email: "ben@riverside.example", role: "champion", serviceArea: "Leisure")
        try await store.officers.import([ben], auditID: audit.id, by: "lead@riverside.example")
        try await store.officers.import([ben], auditID: audit.id, by: "lead@riverside.example")             // the same again: no entry
        var moved = ben
        moved.serviceArea = "Housing"
        try await store.officers.update(moved, auditID: audit.id, by: "deputy@riverside.example")
        try await store.mail.record(MailRecord(officerEmail: "ben@riverside.example", kind: .invitation, subject: "Your return", at: Date(),
                                               accepted: true, detail: ""), auditID: audit.id)
        try await store.officers.remove(email: "BEN@riverside.example", auditID: audit.id, by: "lead@riverside.example")
        let entries = try await store.trail.entries(auditID: audit.id, officer: "ben@riverside.example")
        #expect(entries.map { "\($0.who) \($0.subject.rawValue) \($0.field ?? ""): \($0.old ?? "-") -> \($0.new ?? "-")" } == [
            "lead@riverside.example officer added: - -> Ben Ross, champion, Leisure",
            "deputy@riverside.example officer changed: Ben Ross, champion, Leisure -> Ben Ross, champion, Housing",
            "s11's mail invitation invitation: - -> sent: Your return",
            "lead@riverside.example officer taken out: Ben Ross, champion, Housing -> -",
        ])
    }

    @Test func theOrganisationsSignInsAreReadIntoItsTrailAndNoOtherOrganisations() async throws {
        let (store, audit) = try await store()
        try await store.accounts.save(email: "lead@riverside.example", passwordHash: "x", organisation: "riverside district council")
        try await store.accounts.save(email: "lead@hillside.example", passwordHash: "x", organisation: "Hillside Borough Council")
        try await store.accounts.recordSignIn(email: "lead@riverside.example", address: "192.0.2.7", outcome: .failure)
        try await store.accounts.recordSignIn(email: "lead@hillside.example", address: "192.0.2.8", outcome: .success)
        let accounts = try await store.trail.entries(auditID: audit.id).filter { $0.subject == .account }
        #expect(accounts.map { "\($0.who): \($0.field ?? "") \($0.new ?? "")" } == [
            "lead@riverside.example: new password set from s11 admin create", "lead@riverside.example: wrong password from 192.0.2.7",
        ])
        #expect(try await store.trail.entries(auditID: audit.id, officer: "asha@riverside.example").allSatisfy { $0.subject != .account })
    }
}
