import Foundation
import HTTPTypes
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// Signing in under attack: the wait and the lock come from the store (so every server enforces
/// one count), nothing sleeps on a serving thread, an unknown address costs a password check like
/// a known one, and every attempt is there for the coordinator to see.
@Suite struct SignInTests {
    static let password = "correct horse battery staple"

    func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                          organisation: fixture.audit.organisation)
        try await fixture.store.accounts.save(email: "chair@board.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                          organisation: nil)
        return fixture
    }

    func signIn(_ browser: Browser, _ email: String, _ password: String) async throws -> Browser.Page {
        let form = try await browser.get("/admin/login")
        return try await browser.post("/admin/login", [("email", email), ("password", password)], csrf: form.csrf)
    }

    @Test func afterFiveWrongPasswordsTheAccountWaitsEvenWithTheRightOne() async throws {
        let fixture = try await fixture()
        try await fixture.run { browser in
            for _ in 0..<5 { #expect(try await signIn(browser, "lead@riverside.example", "wrong password here").status == .unauthorized) }
            let refused = try await signIn(browser, "lead@riverside.example", Self.password)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter].flatMap(Int.init) ?? 0 >= 1)
            #expect(refused.body.contains("Too many wrong passwords") && refused.body.contains("Wait"))
        }
        let events = try await fixture.store.accounts.signInEvents(visibleTo: Coordinator(email: "lead@riverside.example", organisation: fixture.audit.organisation))
        #expect(events.map(\.outcome) == Array(repeating: .failure, count: 5) + [.passwordSet])     // a refusal writes nothing
        // Once the wait is over the right password works, and a success starts the count again.
        try await fixture.store.accounts.recordSignIn(email: "other@riverside.example", address: "192.0.2.1", outcome: .success)
        #expect(try await fixture.store.accounts.signInDecision(email: "lead@riverside.example", address: "unknown",
                                                 now: Date().addingTimeInterval(3600)) == .allowed)
    }

    @Test func twentyWrongPasswordsLockTheAccountUntilANewPasswordIsSet() async throws {
        let fixture = try await fixture()
        for _ in 0..<19 { try await fixture.store.accounts.recordSignIn(email: "lead@riverside.example", address: "192.0.2.9", outcome: .failure) }
        var noWaits = SignInThrottle()
        noWaits.free = 20                                                    // straight to the lock
        try await fixture.run(throttle: noWaits) { browser in
            let twentieth = try await signIn(browser, "lead@riverside.example", "the twentieth wrong one")
            #expect(twentieth.status == .unauthorized)
        }
        #expect(try await fixture.store.accounts.signInEvents(visibleTo: Coordinator(email: "lead@riverside.example", organisation: nil)).first?.outcome == .locked)
        try await fixture.run { browser in
            let locked = try await signIn(browser, "lead@riverside.example", Self.password)
            #expect(locked.status == .tooManyRequests && locked.body.contains("This account is locked"))
        }
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                          organisation: fixture.audit.organisation)
        try await fixture.run { browser in
            let signedIn = try await signIn(browser, "lead@riverside.example", Self.password)
            #expect(signedIn.location == "/admin")
        }
    }

    @Test func oneAddressGuessingAtManyAccountsWaits() async throws {
        let fixture = try await fixture()
        try await fixture.run { browser in
            for index in 0..<5 { _ = try await signIn(browser, "nobody\(index)@riverside.example", "wrong password here") }
            #expect(try await signIn(browser, "lead@riverside.example", Self.password).status == .tooManyRequests)
        }
    }

    @Test func anUnknownAddressCostsAPasswordCheckLikeAKnownOne() async throws {
        let fixture = try await fixture()
        let checks = PasswordChecks()
        try await fixture.run(passwords: checks) { browser in
            _ = try await signIn(browser, "nobody@riverside.example", "wrong password here")
            #expect(checks.checksRun == 1)                              // the unknown address was checked too
            _ = try await signIn(browser, "lead@riverside.example", "wrong password here")
            #expect(checks.checksRun == 2)
        }
        // ... against a hash as slow as the ones 's11 admin create' stores.
        #expect(PasswordChecks.dummyHash.prefix(7) == CoordinatorPassword.hash("x").prefix(7))
    }

    @Test func checksRunAFewAtATimeAndAFloodIsTurnedAway() async throws {
        let checks = PasswordChecks(limit: 1, queueLimit: 1)
        let peak = CheckCounter()
        let results = await withTaskGroup(of: Bool?.self) { group in
            for _ in 0..<3 {
                group.addTask { await checks.run { peak.enter(); Thread.sleep(forTimeInterval: 0.2); peak.leave(); return true } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 == nil }.count == 1)              // one ran, one waited, one was turned away
        #expect(peak.highest == 1)
    }

    @Test func aCoordinatorSeesTheAttemptsOnTheirOrganisationsAccountsOnly() async throws {
        let fixture = try await fixture()
        try await fixture.run { browser in
            _ = try await signIn(browser, "chair@board.example", "wrong password here")
            _ = try await signIn(browser, "lead@riverside.example", "wrong password here")
            let signedIn = try await signIn(browser, "lead@riverside.example", Self.password)
            let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") })
            browser.cookie = [browser.cookie, String(session.split(separator: ";")[0])].compactMap { $0 }.joined(separator: "; ")
            let page = try await browser.get("/admin/sign-ins")
            #expect(page.status == .ok)
            #expect(page.body.contains("lead@riverside.example") && page.body.contains("wrong password") && page.body.contains("signed in"))
            #expect(!page.body.contains("chair@board.example"))
        }
    }
}

/// Counts how many checks ran at once.
final class CheckCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private(set) var highest = 0

    func enter() { lock.withLock { running += 1; highest = max(highest, running) } }
    func leave() { lock.withLock { running -= 1 } }
}
