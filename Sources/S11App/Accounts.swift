import Foundation
import S11Core
import S11Store

/// Coordinators' and board users' accounts: signing in (throttled), sessions, setting a password
/// at an invitation's link or from the command line, and the record of sign-ins.
public struct Accounts: Sendable {
    let store: AuditStore
    /// How long a session lasts unused.
    var idle: TimeInterval = AppSettings.standardIdle

    /// What an attempt to sign in came to.
    public enum SignInResult: Sendable, Equatable {
        /// Signed in: the new session's token, for the cookie (only its hash is kept).
        case signedIn(session: String)
        /// A wrong e-mail address or password.
        case wrongPassword
        /// Too many wrong passwords lately: try again at this moment (nothing was checked).
        case mustWait(until: Date)
        /// Locked after too many wrong passwords, until `s11 admin create` sets a new one.
        case locked
        /// Too many passwords are being checked at once: try again in a few seconds.
        case busy
    }

    /// Signs in as `email` from `address`: refused unchecked while the account or the address must
    /// wait (or the account is locked); else the attempt is counted, in the same transaction as the
    /// throttle's decision, before the password is checked by `verify` (given the stored hash, nil
    /// for an unknown address, which must cost the same; nil back when it cannot check now), so
    /// that attempts sent at once get no more checks than the throttle allows. A wrong password
    /// that locks the account records the lock.
    public func signIn(email: String, password: String, address: String, throttle: SignInThrottle,
                       verify: @Sendable (_ password: String, _ hash: String?) async -> Bool?) async throws -> SignInResult {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let attempt: Int64
        switch try await store.accounts.claimSignIn(email: email, address: address, throttle: throttle) {
        case .refused(.locked): return .locked
        case .refused(.wait(let until)): return .mustWait(until: until)
        case .refused(.allowed): return .busy                     // not a refusal the throttle makes
        case .claimed(let claimed): attempt = claimed
        }
        guard let matches = await verify(password, try await store.accounts.passwordHash(email: email)) else {
            try await store.accounts.withdrawSignIn(attempt: attempt)
            return .busy
        }
        try await store.accounts.settleSignIn(attempt: attempt, email: email, address: address, matched: matches, throttle: throttle)
        guard matches else { return .wrongPassword }
        return .signedIn(session: try await store.accounts.startSession(email: email))
    }

    /// Starts a session for an account already proven (a password just set at an invitation's link).
    public func startSession(email: String) async throws -> String {
        try await store.accounts.startSession(email: email)
    }

    /// The account a session token belongs to, while the session lasts and has not gone unused too long.
    public func account(forSession token: String) async throws -> Coordinator? {
        try await store.accounts.find(session: token, idle: idle)
    }

    /// Whether the session `token` is kept, lasting or run out (not signed out or ended by a new password).
    public func hasSession(_ token: String) async throws -> Bool {
        try await store.accounts.sessionOwner(token) != nil
    }

    /// Keeps a form posted to `path` after the session `token` ended, for its account to send when
    /// signed in again (an hour at most); the token that finds it, or nil for a session never started.
    public func keepForm(afterSession token: String, path: String, body: String) async throws -> String? {
        guard let email = try await store.accounts.sessionOwner(token) else { return nil }
        return try await store.accounts.keepForm(email: email, path: path, body: body)
    }

    /// The form kept under `token` for `account`, taken once; nil when none is kept for them.
    public func takeKeptForm(token: String, for account: Coordinator) async throws -> KeptForm? {
        try await store.accounts.takeKeptForm(token: token, email: account.email)
    }

    /// Ends a session.
    public func signOut(session token: String) async throws {
        try await store.accounts.endSession(token)
    }

    /// The latest attempts on the accounts `account` may see: every coordinator's of their
    /// organisation, or a board user's own; newest first.
    public func signIns(visibleTo account: Coordinator) async throws -> [SignInEvent] {
        try await store.accounts.signInEvents(visibleTo: account)
    }

    /// The invited lead behind an invitation link, while it lasts (without spending it).
    public func invitation(token: String) async throws -> Coordinator? {
        try await store.accounts.invitation(token: token)
    }

    /// Spends an invitation link: the lead's account is made with `passwordHash`; nil for an
    /// unknown, spent or expired link.
    public func acceptInvitation(token: String, passwordHash: String) async throws -> Coordinator? {
        try await store.accounts.acceptInvitation(token: token, passwordHash: passwordHash)
    }

    /// Adds a coordinator of `organisation`, or a board user of `board`, or sets a new password for
    /// an existing account: its sessions end and it is unlocked.
    public func save(email: String, password: String, organisation: String?, board: String?) async throws {
        if let problem = CoordinatorPassword.problem(password, email: email) { throw ApplicationError(problem) }
        try await store.accounts.save(email: email, passwordHash: CoordinatorPassword.hash(password), organisation: organisation, board: board)
    }
}
