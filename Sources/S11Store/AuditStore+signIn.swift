import Foundation
import S11Core

/// Sign-in attempts on the coordinator's pages: kept in the store, so that every server sharing
/// it throttles one count, and listed for coordinators.
extension AuditStore {
    /// What an attempt to sign in as `email` from `address` meets now, from the account's failures
    /// since its last success or new password and the address's recent failures.
    public func signInDecision(email: String, address: String, throttle: SignInThrottle = SignInThrottle(),
                               now: Date = Date()) async throws -> SignInThrottle.Decision {
        try await engine.read { db in
            let account = try await db.fetchOne(SignInFailuresRow.self, """
                SELECT COUNT(*) AS n, MAX(at) AS latest FROM signInEvent
                WHERE email = ? COLLATE NOCASE AND outcome = 'failure' AND at > COALESCE((SELECT MAX(at) FROM signInEvent
                    WHERE email = ? COLLATE NOCASE AND outcome IN ('success', 'password-set')), 0)
                """, [email, email])
            let fromAddress = try await db.fetchOne(SignInFailuresRow.self, """
                SELECT COUNT(*) AS n, MAX(at) AS latest FROM signInEvent WHERE address = ? AND outcome = 'failure' AND at > ?
                """, [address, now.timeIntervalSince1970 - throttle.addressWindow])
            return throttle.decision(accountFailures: account?.count ?? 0, lastAccountFailure: account?.latest,
                                     addressFailures: fromAddress?.count ?? 0, lastAddressFailure: fromAddress?.latest, now: now)
        }
    }

    /// Records an attempt (or a new password, which unlocks the account).
    public func recordSignIn(email: String, address: String, outcome: SignInEvent.Outcome, at: Date = Date()) async throws {
        try await engine.write { db in
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
