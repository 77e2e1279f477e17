import Foundation
import S11TestSupport
import Synchronization
import Testing
@testable import S11Store
import S11Core

/// On PostgreSQL each write holds only the key of what its rule guards (`WriteKey`): while one
/// audit's, one round's or one account's writer is held open, writes to others go through, and
/// writes to the same wait for it. Each store operation is tried both ways, so a write that went
/// back to stopping everything, or to holding nothing, fails here.
@Suite struct WriteKeyLockTests {
    let files: [(kind: String, path: String, data: Data)] = [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))]

    /// A store on its own PostgreSQL schema, with connections to spare for the writers held open.
    func store() async throws -> AuditStore {
        try await AuditStore(database: try #require(TestDatabase.freshPostgres()) + "&pool=8")
    }

    /// Starts `work`; the task and whether it finished within `seconds`.
    func start(_ work: @escaping @Sendable () async throws -> Void, within seconds: Double) async throws -> (Task<Void, any Error>, Bool) {
        let done = Mutex(false)
        let task = Task {
            try await work()
            done.withLock { $0 = true }
        }
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !done.withLock({ $0 }) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return (task, done.withLock { $0 })
    }

    /// `work` finishes while the holder is open; the task, which the caller awaits once the holder ends.
    func goesThrough(_ what: String, _ work: @escaping @Sendable () async throws -> Void) async throws -> Task<Void, any Error> {
        let (task, done) = try await start(work, within: 30)
        #expect(done, "\(what) waited for a writer of something else")
        return task
    }

    /// `work` is still waiting a second later: the caller ends the holder, then awaits the task.
    func waits(_ what: String, _ work: @escaping @Sendable () async throws -> Void) async throws -> Task<Void, any Error> {
        let (task, done) = try await start(work, within: 1)
        #expect(!done, "\(what) did not wait for the writer holding its key")
        return task
    }

    func member(_ organisation: String, _ lead: String) -> RoundMember {
        RoundMember(organisation: organisation, sector: "Police", leadName: "Lead", leadEmail: lead)
    }

    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func anAuditsWritesGoOnWhileAnotherAuditsWriterIsHeld() async throws {
        let store = try await store()
        _ = try await store.rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2027,
                                        deadline: try #require(CalendarDate(iso: "2027-03-31")), files: files,
                                        members: [member("Thames Valley Police", "sam@tvp.example"), member("Cherwell District Council", "raj@cherwell.example")],
                                        openedBy: "unit@oscb.example")
        let police = try await store.audits.named(organisation: "Thames Valley Police", year: 2027).id
        let cherwell = try await store.audits.named(organisation: "Cherwell District Council", year: 2027).id
        let kim = Officer(name: "Kim Ng", email: "kim@example.org", role: "dso", serviceArea: "Response")
        var passed: [Task<Void, any Error>] = []
        let held = await HeldWrite(store, [.audit(police)])

        // Cherwell's officers, invitations, moderation, deadline and submission go on beside.
        passed.append(try await goesThrough("an officer added to another audit") { try await store.officers.import([kim], auditID: cherwell) })
        passed.append(try await goesThrough("an officer matched by e-mail in another audit") {
            try await store.officers.update(Officer(name: "Kim Ng", email: "KIM@example.org", role: "manager", serviceArea: "Response"), auditID: cherwell)
        })
        passed.append(try await goesThrough("another audit's invitations") { _ = try await store.officers.issueInvitations(auditID: cherwell, reissue: false) })
        passed.append(try await goesThrough("a moderation of another audit") {
            try await store.moderation.change(auditID: cherwell, scope: .standard("S1"), rag: .amber, reason: "Thin evidence", by: "Raj", at: "2027-01-05")
        })
        passed.append(try await goesThrough("another audit's deadline") { try await store.returns.setDue(auditID: cherwell, deadline: nil, contact: "Raj") })
        passed.append(try await goesThrough("another audit's staff link") { _ = try await store.staff.issueLink(auditID: cherwell) })
        passed.append(try await goesThrough("another audit's submission to the board") {
            try await store.rounds.submitToBoard(auditID: cherwell, by: "raj@cherwell.example", declaration: "I confirm") { _ in [] }
        })
        // The held audit's own wait: an officer matched by e-mail, and a submission racing a change.
        let added = try await waits("an officer added to the held audit") { try await store.officers.import([kim], auditID: police) }
        let submitted = try await waits("the held audit's submission") {
            try await store.rounds.submitToBoard(auditID: police, by: "sam@tvp.example", declaration: "I confirm") { _ in [] }
        }
        try await held.end()
        for task in passed { try await task.value }
        try await added.value
        try await submitted.value
        #expect(try await store.officers.all(auditID: police).map(\.email) == ["kim@example.org"])
        #expect(try await store.officers.all(auditID: cherwell).map(\.role) == ["manager"])
        #expect(try await store.rounds.membership(auditID: police)?.member.submittedAt != nil)
    }

    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func aRoundsWritesGoOnWhileAnotherRoundsWriterIsHeld() async throws {
        let store = try await store()
        let deadline = try #require(CalendarDate(iso: "2027-03-31")), heldOn = try #require(CalendarDate(iso: "2027-04-20"))
        let (children, _) = try await store.rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2027, deadline: deadline, files: files,
                                                        members: [member("Thames Valley Police", "sam@tvp.example"), member("Cherwell District Council", "raj@cherwell.example")],
                                                        openedBy: "unit@oscb.example")
        let (adults, _) = try await store.rounds.open(board: "Oxfordshire Safeguarding Adults Board", year: 2028, deadline: deadline, files: files,
                                                      members: [member("Thames Valley Police", "sam@tvp.example"), member("Cherwell District Council", "raj@cherwell.example")],
                                                      openedBy: "unit@osab.example")
        let adultsMembers = try await store.rounds.members(roundID: adults.id).map(\.auditID)
        let childrenMembers = try await store.rounds.members(roundID: children.id).map(\.auditID)
        var passed: [Task<Void, any Error>] = []
        let held = await HeldWrite(store, [.round(children.id)])

        passed.append(try await goesThrough("another round's challenge event") {
            _ = try await store.events.schedule(roundID: adults.id, title: "Police panel", heldOn: heldOn, panel: ["Jo Smith"], auditIDs: [adultsMembers[0]],
                                                by: "unit@osab.example")
        })
        passed.append(try await goesThrough("another round's peer pairing") {
            _ = try await store.peers.pair(roundID: adults.id, reviewerAuditID: adultsMembers[0], revieweeAuditID: adultsMembers[1], by: "unit@osab.example")
        })
        let event = try await waits("the held round's challenge event") {
            _ = try await store.events.schedule(roundID: children.id, title: "Police panel", heldOn: heldOn, panel: ["Jo Smith"],
                                                auditIDs: [childrenMembers[0]], by: "unit@oscb.example")
        }
        let pairing = try await waits("the held round's peer pairing") {
            _ = try await store.peers.pair(roundID: children.id, reviewerAuditID: childrenMembers[0], revieweeAuditID: childrenMembers[1],
                                           by: "unit@oscb.example")
        }
        try await held.end()
        for task in passed { try await task.value }
        try await event.value
        try await pairing.value
        #expect(try await store.events.all(roundID: children.id).count == 1)
        #expect(try await store.peers.pairings(roundID: children.id).count == 1)
    }

    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func aSignInGoesOnWhileAnotherAccountsIsHeldAndWaitsForItsAccountAndAddress() async throws {
        let store = try await store()
        let throttle = SignInThrottle()
        try await store.accounts.save(email: "lead@hillside.example", passwordHash: "not checked here", organisation: "Hillside Borough Council")
        var passed: [Task<Void, any Error>] = []
        let held = await HeldWrite(store, [.account("lead@riverside.example"), .address("192.0.2.1")])

        passed.append(try await goesThrough("a sign-in to another account from another address") {
            _ = try await store.accounts.claimSignIn(email: "lead@hillside.example", address: "198.51.100.7", throttle: throttle)
        })
        passed.append(try await goesThrough("a session for another account") { _ = try await store.accounts.startSession(email: "lead@hillside.example") })
        let sameAccount = try await waits("a sign-in to the held account, from elsewhere") {
            _ = try await store.accounts.claimSignIn(email: "LEAD@riverside.example", address: "198.51.100.7", throttle: throttle)
        }
        let sameAddress = try await waits("a sign-in to another account from the held address") {
            _ = try await store.accounts.claimSignIn(email: "lead@lakeside.example", address: "192.0.2.1", throttle: throttle)
        }
        try await held.end()
        for task in passed { try await task.value }
        try await sameAccount.value
        try await sameAddress.value
        #expect(try await store.accounts.signInDecision(email: "lead@riverside.example", address: "203.0.113.9", throttle: throttle) == .allowed)
    }
}
