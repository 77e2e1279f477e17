import Foundation
import S11App
import S11Core
import S11Store
import S11TestSupport
import Testing

/// The rules that guard writes, raced as a busy lead, a board and an attacker would race them:
/// each is checked inside the transaction that writes, so no interleaving gets past it. Run on
/// both engines (S11_TEST_DATABASE_URL for PostgreSQL).
@Suite struct RaceTests {
    /// A reopen and the lead's submission to the board, sent together again and again: the board
    /// never holds a self-assessment whose return is back in progress.
    @Test func aReopenRacingABoardSubmissionNeverLeavesTheBoardHoldingAReturnInProgress() async throws {
        let fixture = try await RoundFixture()
        let session = try await fixture.app.session(fixture.audit)
        var outcomes: [String: Int] = [:]
        var starts = RaceStarts()
        for _ in 0..<40 {
            let app = fixture.app, audit = fixture.audit
            // Each sets off after its own moment, tuned so that either may read first.
            let (reopenWaits, submissionWaits) = starts.delays()
            async let reopened: Bool = {
                try? await Task.sleep(for: reopenWaits)
                return (try? await session.reopen(officerEmail: RoundFixture.officer.email)) != nil
            }()
            async let submitted: Bool = {
                try? await Task.sleep(for: submissionWaits)
                return (try? await app.rounds.submit(auditID: audit.id, by: "sam.reed@tvp.example",
                                                     declaration: BoardRounds.standardDeclaration)) != nil
            }()
            let (r, s) = await (reopened, submitted)
            outcomes["\(r ? "reopened" : "refused") \(s ? "submitted" : "refused")", default: 0] += 1
            starts.record(firstWon: r)
            let held = try await fixture.held()
            let status = try await fixture.returnStatus()
            #expect(!held || status == .submitted, "the board holds a self-assessment whose only return is \(status)")
            // Back to the start: the board gives it back, the officer submits again.
            if held { try await fixture.app.rounds.giveBack(auditID: audit.id, by: "board@oscb.example", reason: "Race test") }
            if status != .submitted { try await fixture.submitTheReturn() }
        }
        #expect(outcomes.count > 1, "the race never interleaved: \(outcomes)")
    }

    /// Once the board holds the self-assessment, the organisation's own moderation is refused and
    /// what the board holds stays as it was: the board's ratings are the board's.
    @Test func theOrganisationCannotModerateWhatTheBoardHolds() async throws {
        let fixture = try await RoundFixture()
        try await fixture.app.rounds.submit(auditID: fixture.audit.id, by: "sam.reed@tvp.example", declaration: BoardRounds.standardDeclaration)
        let session = try await fixture.app.session(fixture.audit)
        let requirement = session.content.catalogue.requirements[0].id
        let held = try await fixture.store.rounds.boardScores(roundID: fixture.round.id)
        // The board's panel moderates to Red: that is the board's to do, and what it holds shows it.
        try await Moderating(session: session).moderate(.requirement(requirement), rag: .red, reason: "No evidence at the panel",
                                                        by: "Panel", as: .board(RoundFixture.board))
        let afterPanel = try await fixture.store.rounds.boardScores(roundID: fixture.round.id)
        #expect(afterPanel != held)
        #expect(afterPanel[fixture.audit.id]?.first { $0.scopeID == requirement }?.moderated == .red)
        // The organisation's coordinator tries to withdraw it, and to rate it Blue: both refused.
        await #expect(throws: ChangeRules.Refusal.self) {
            try await Moderating(session: session).moderate(.requirement(requirement), rag: nil, reason: "We disagree", by: "Lead")
        }
        await #expect(throws: ChangeRules.Refusal.self) {
            try await Moderating(session: session).moderate(.requirement(requirement), rag: .blue, reason: "We disagree", by: "Lead")
        }
        #expect(try await fixture.store.rounds.boardScores(roundID: fixture.round.id) == afterPanel)
        #expect(try await fixture.store.moderation.ratings(auditID: fixture.audit.id).map(\.rag) == [.red])
        // Another board cannot either.
        await #expect(throws: ChangeRules.Refusal.self) {
            try await Moderating(session: session).moderate(.requirement(requirement), rag: .green, reason: "x", by: "Other",
                                                            as: .board("Another Safeguarding Board"))
        }
    }

    /// The organisation rates a requirement Blue while, at the same moment, its lead submits to
    /// the board and the board's panel rates it Red, again and again: whatever the order, the
    /// board ends holding the panel's Red, and nothing of the organisation's lands after the hold.
    @Test func anOrganisationsModerationRacingTheBoardNeverChangesWhatTheBoardHolds() async throws {
        let fixture = try await RoundFixture()
        let session = try await fixture.app.session(fixture.audit)
        let requirement = session.content.catalogue.requirements[0].id
        var outcomes: [String: Int] = [:]
        var starts = RaceStarts()
        for _ in 0..<30 {
            let app = fixture.app, audit = fixture.audit
            let (organisationWaits, boardWaits) = starts.delays()
            async let organisation: Bool = {
                try? await Task.sleep(for: organisationWaits)
                return (try? await Moderating(session: session).moderate(.requirement(requirement), rag: .blue, reason: "Self-check",
                                                                         by: "Lead")) != nil
            }()
            async let board: Void = {
                try? await Task.sleep(for: boardWaits)
                try? await app.rounds.submit(auditID: audit.id, by: "Lead", declaration: BoardRounds.standardDeclaration)
                _ = try? await Moderating(session: session).moderate(.requirement(requirement), rag: .red, reason: "Panel",
                                                                     by: "Panel", as: .board(RoundFixture.board))
            }()
            let (moderated, _) = await (organisation, board)
            outcomes[moderated ? "the organisation's first" : "the organisation's refused", default: 0] += 1
            starts.record(firstWon: moderated)
            #expect(try await fixture.held())
            let stored = try await fixture.store.moderation.ratings(auditID: audit.id).first { $0.scope == .requirement(requirement) }?.rag
            let held = try await fixture.store.rounds.boardScores(roundID: fixture.round.id)[audit.id]?.first { $0.scopeID == requirement }?.moderated
            #expect(stored == .red && held == .red, "the audit's moderation is \(String(describing: stored)), the board holds \(String(describing: held))")
            // Back to the start: given back, and the moderation withdrawn by the organisation.
            try await fixture.app.rounds.giveBack(auditID: audit.id, by: "board@oscb.example", reason: "Race test")
            try await Moderating(session: session).moderate(.requirement(requirement), rag: nil, reason: "Start again", by: "Lead")
        }
        #expect(outcomes.count > 1, "the race never interleaved: \(outcomes)")
    }

    /// Twelve wrong passwords for one account from one address, sent at once: no more of them are
    /// checked against the account's hash than the throttle lets through.
    @Test func aBurstOfWrongPasswordsGetsNoMoreChecksThanTheThrottleAllows() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let app = S11App(store: store)
        try await app.accounts.save(email: "lead@riverside.example", password: "a long and right password", organisation: "Riverside", board: nil)
        let throttle = SignInThrottle(firstWait: 60)
        let checks = Checks()
        let results = await withTaskGroup(of: Accounts.SignInResult?.self) { group in
            for attempt in 0..<12 {
                group.addTask {
                    try? await app.accounts.signIn(email: "lead@riverside.example", password: "wrong \(attempt)", address: "203.0.113.9",
                                                   throttle: throttle) { password, hash in
                        await checks.count()
                        try? await Task.sleep(for: .milliseconds(30))      // as long as bcrypt takes, near enough
                        return hash != nil && password == "a long and right password"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let made = await checks.made
        #expect(made == throttle.free, "\(made) passwords were checked; the throttle lets \(throttle.free) through")
        #expect(results.filter { $0 == .wrongPassword }.count == throttle.free)
        #expect(results.allSatisfy { if case .mustWait? = $0 { true } else { $0 == .wrongPassword } })
    }
}

/// How many passwords were checked.
actor Checks {
    private(set) var made = 0
    func count() { made += 1 }
}
