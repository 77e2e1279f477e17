import Foundation
import S11Core

/// Sign-in attempts on the coordinator's pages, decided by the core's `SignInThrottle`.
extension AccountStore {
    /// What an attempt to sign in as `email` from `address` meets now, from the account's failures
    /// since its last success or new password and the address's recent failures.
    public func signInDecision(email: String, address: String, throttle: SignInThrottle = SignInThrottle(),
                               now: Date = Date()) async throws -> SignInThrottle.Decision {
        try await engine.read { db in try await Self.signInDecision(email: email, address: address, throttle: throttle, now: now, db: db) }
    }

    /// What an attempt meets, decided by the core's `SignInThrottle` in the caller's transaction.
    static func signInDecision(email: String, address: String, throttle: SignInThrottle, now: Date,
                               db: any SQLConnection) async throws -> SignInThrottle.Decision {
        let account = try await db.fetchOne(SignInFailuresRow.self, """
            SELECT COUNT(*) AS n, MAX(at) AS latest FROM signInEvent
            WHERE email = ? COLLATE NOCASE AND outcome = 'failure' AND at > COALESCE((SELECT MAX(at) FROM signInEvent
                WHERE email = ? COLLATE NOCASE AND outcome IN ('success', 'password-set', 'unlocked')), 0)
            """, [email, email])
        let fromAddress = try await db.fetchOne(SignInFailuresRow.self, """
            SELECT COUNT(*) AS n, MAX(at) AS latest FROM signInEvent WHERE address = ? AND outcome = 'failure' AND at > ?
            """, [address, now.timeIntervalSince1970 - throttle.addressWindow])
        return throttle.decision(accountFailures: account?.count ?? 0, lastAccountFailure: account?.latest,
                                 addressFailures: fromAddress?.count ?? 0, lastAddressFailure: fromAddress?.latest, now: now)
    }

    /// An attempt to sign in, as `claimSignIn` left it.
    public enum SignInClaim: Sendable, Equatable {
        /// The throttle refused it; nothing was written.
        case refused(SignInThrottle.Decision)
        /// Allowed: counted as a failure until `settleSignIn` says otherwise, so that attempts
        /// sent at once each see those before them.
        case claimed(attempt: Int64)
    }

    /// Decides an attempt with the throttle and, when it may go on, records it as a failure, in one
    /// transaction: however many attempts arrive at once, each is decided after the ones before it
    /// are counted, so no more passwords are checked than the throttle lets through.
    public func claimSignIn(email: String, address: String, throttle: SignInThrottle, now: Date = Date()) async throws -> SignInClaim {
        try await engine.write(locking: [.account(email), .address(address)]) { db in
            let decision = try await Self.signInDecision(email: email, address: address, throttle: throttle, now: now, db: db)
            guard decision == .allowed else { return .refused(decision) }
            return .claimed(attempt: try await db.insert("INSERT INTO signInEvent (email, address, at, outcome) VALUES (?, ?, ?, ?)",
                                                         [email.lowercased(), address, now.timeIntervalSince1970,
                                                          SignInEvent.Outcome.failure.rawValue]))
        }
    }

    /// Settles a claimed attempt once its password is checked: a match becomes a success; a wrong
    /// password stays a failure, and when it locks the account the lock is recorded with it.
    public func settleSignIn(attempt: Int64, email: String, address: String, matched: Bool, throttle: SignInThrottle,
                             now: Date = Date()) async throws {
        try await engine.write(locking: [.account(email), .address(address)]) { db in
            if matched {
                try await db.execute("UPDATE signInEvent SET outcome = ? WHERE id = ?", [SignInEvent.Outcome.success.rawValue, attempt])
            } else if try await Self.signInDecision(email: email, address: address, throttle: throttle, now: now, db: db) == .locked,
                      try await db.fetchValue(Int64.self, """
                          SELECT COUNT(*) FROM signInEvent WHERE email = ? COLLATE NOCASE AND outcome = 'locked'
                          AND at >= COALESCE((SELECT MAX(at) FROM signInEvent WHERE email = ? COLLATE NOCASE
                                              AND outcome IN ('success', 'password-set', 'unlocked')), 0)
                          """, [email, email], table: "signInEvent") == 0 {
                try await Self.recordSignIn(email: email, address: address, outcome: .locked, at: now, db: db)
            }
        }
    }

    /// Takes back a claimed attempt whose password could not be checked (too many checks waiting):
    /// it did not happen.
    public func withdrawSignIn(attempt: Int64) async throws {
        try await engine.writeAlongside { db in try await db.execute("DELETE FROM signInEvent WHERE id = ?", [attempt]) }
    }

    /// Records an attempt (or a new password, which unlocks the account).
    public func recordSignIn(email: String, address: String, outcome: SignInEvent.Outcome, at: Date = Date()) async throws {
        try await engine.write(locking: [.account(email), .address(address)]) { db in
            try await Self.recordSignIn(email: email, address: address, outcome: outcome, at: at, db: db)
        }
    }

    static func recordSignIn(email: String, address: String, outcome: SignInEvent.Outcome, at: Date, db: any SQLConnection) async throws {
        try await db.execute("INSERT INTO signInEvent (email, address, at, outcome) VALUES (?, ?, ?, ?)",
                       [email.lowercased(), address, at.timeIntervalSince1970, outcome.rawValue])
    }

    /// The latest attempts on the accounts `coordinator` may see: every coordinator's of their
    /// organisation, or a board user's own; newest first.
    public func signInEvents(visibleTo coordinator: Coordinator, limit: Int = 200) async throws -> [SignInEvent] {
        try await engine.read { db in
            try await db.fetchAll(SignInEventRow.self, """
                SELECT email, address, at, outcome FROM signInEvent
                WHERE email IN (SELECT email FROM coordinator WHERE (CAST(? AS TEXT) IS NULL AND email = ? COLLATE NOCASE)
                                                              OR organisation = ? COLLATE NOCASE)
                ORDER BY at DESC, id DESC LIMIT ?
                """, [coordinator.organisation, coordinator.email, coordinator.organisation, limit]).map(\.event)
        }
    }
}
