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
        // A coordinator invited (not yet signed in), and one unlocked, each with who did it.
        _ = try await store.accounts.issuePasswordLink(email: "new@riverside.example", displayName: nil, organisation: "Riverside District Council",
                                                       by: "lead@riverside.example")
        _ = try await store.accounts.issuePasswordLink(email: "new@hillside.example", displayName: nil, organisation: "Hillside Borough Council",
                                                       by: "lead@hillside.example")
        #expect(try await store.accounts.unlock(email: "lead@riverside.example", organisation: "Riverside District Council", by: "deputy@riverside.example"))
        let accounts = try await store.trail.entries(auditID: audit.id).filter { $0.subject == .account }
        #expect(accounts.map { "\($0.who): \($0.field ?? "") \($0.new ?? "")" } == [
            "lead@riverside.example: new password set from s11 admin create", "lead@riverside.example: wrong password from 192.0.2.7",
            "new@riverside.example: sent a link to set a password sent by lead@riverside.example",
            "lead@riverside.example: unlocked by a coordinator unlocked by deputy@riverside.example",
        ])
        #expect(try await store.trail.entries(auditID: audit.id, officer: "asha@riverside.example").allSatisfy { $0.subject != .account })
    }

    /// The board's steps go into each member's trail with who took them: opened, a challenge event,
    /// a peer review begun and ended, submitted, returned; read on their own as the board reads them.
    @Test func theRoundsStepsAreKeptInEachMembersTrail() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let (round, _) = try await store.rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!,
                                                     files: files, members: [RoundMember(organisation: "Thames Valley Police", sector: "Police", leadName: "Sam Reed",
                                                                                         leadEmail: "sam@tvp.example"),
                                                                             RoundMember(organisation: "Cherwell District Council", sector: "Local authority",
                                                                                         leadName: "Raj Patel", leadEmail: "raj@cherwell.example")],
                                                     openedBy: "unit@oscb.example")
        let police = try await store.audits.named(organisation: "Thames Valley Police", year: 2027)
        let cherwell = try await store.audits.named(organisation: "Cherwell District Council", year: 2027)
        _ = try await store.events.schedule(roundID: round.id, title: "Police panel", heldOn: CalendarDate(iso: "2027-04-20")!, panel: ["Jo Smith"],
                                            auditIDs: [police.id], by: "unit@oscb.example")
        let pairing = try await store.peers.pair(roundID: round.id, reviewerAuditID: cherwell.id, revieweeAuditID: police.id, by: "unit@oscb.example")
        try await store.peers.endPairing(id: pairing.id, roundID: round.id, by: "unit@oscb.example")
        try await store.rounds.submitToBoard(auditID: police.id, by: "sam@tvp.example", declaration: "I confirm") { _ in [] }
        try await store.rounds.returnToOrganisation(auditID: police.id, roundID: round.id, by: "unit@oscb.example", reason: "Evidence missing")
        try await store.officers.import([Officer(name: "Kim Ng", email: "kim@tvp.example", role: "dso", serviceArea: "Response")], auditID: police.id)

        let steps = try await store.trail.entries(auditID: police.id, subjects: [.round, .moderation, .plan])
        #expect(steps.map { "\($0.who): \($0.field ?? "") \($0.new ?? "")" } == [
            "unit@oscb.example: opened in the board's round Oxfordshire Safeguarding Children Partnership 2027, due 31 March 2027, lead sam@tvp.example",
            "unit@oscb.example: challenge event Police panel, on 20 April 2027, panel Jo Smith",
            "unit@oscb.example: peer review began Cherwell District Council reviews Thames Valley Police",
            "unit@oscb.example: peer review ended Cherwell District Council reviews Thames Valley Police",
            "sam@tvp.example: submitted to the board I confirm",
            "unit@oscb.example: returned to the organisation Evidence missing",
        ])
        // The officer added is in the whole trail, not in the board's part of it.
        #expect(try await store.trail.entries(auditID: police.id).contains { $0.subject == .officer })
        #expect(try await store.trail.entries(auditID: cherwell.id, subjects: [.round]).map(\.field)
                == ["opened in the board's round", "peer review began", "peer review ended"])
        #expect(try await store.trail.entries(auditID: police.id, subjects: []).isEmpty)
    }
}
