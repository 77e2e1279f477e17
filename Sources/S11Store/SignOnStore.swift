import Foundation
import S11Core

/// The OpenID Connect providers accounts sign in through, and the sign-ins begun at them: each
/// is kept by its state's hash for ten minutes and claimed once, whichever server the browser
/// comes back to.
public struct SignOnStore: StoreArea {
    let store: AuditStore

    /// Every provider, by name.
    public func providers() async throws -> [SignOnProvider] {
        try await engine.read { db in
            try await db.fetchAll(SignOnProviderRow.self, "SELECT * FROM signOnProvider ORDER BY name").map(\.provider)
        }
    }

    /// The provider so named, or nil.
    public func provider(named name: String) async throws -> SignOnProvider? {
        try await engine.read { db in
            try await db.fetchOne(SignOnProviderRow.self, "SELECT * FROM signOnProvider WHERE name = ?", [name])?.provider
        }
    }

    /// Keeps `provider`, replacing the one of its name.
    public func save(_ provider: SignOnProvider) async throws {
        try await engine.write { db in
            try await db.execute("""
                INSERT INTO signOnProvider (\(SignOnProviderRow.columns), addedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET label = excluded.label, issuer = excluded.issuer, clientID = excluded.clientID,
                    clientSecret = excluded.clientSecret, domains = excluded.domains, organisation = excluded.organisation, board = excluded.board
                """, SignOnProviderRow.values(provider) + [Self.now()])
        }
    }

    /// Removes the provider so named, and the sign-ins begun at it; says whether there was one.
    public func remove(named name: String) async throws -> Bool {
        try await engine.write { db in
            try await db.execute("DELETE FROM signOnAttempt WHERE provider = ?", [name])
            return try await db.execute("DELETE FROM signOnProvider WHERE name = ?", [name]) > 0
        }
    }

    /// Begins a sign-in at the provider so named: new state, nonce and code verifier, the state's
    /// hash kept for `seconds` (and those begun earlier that have run out deleted); nil for no such provider.
    public func begin(provider name: String, lasting seconds: TimeInterval = 600, now: Date = Date()) async throws -> SignOnAttempt? {
        let attempt = SignOnAttempt(provider: name, state: InvitationToken.generate(), nonce: InvitationToken.generate(),
                                    verifier: InvitationToken.generate())
        return try await engine.write { db in
            try await db.execute("DELETE FROM signOnAttempt WHERE expiresAt <= ?", [now.timeIntervalSince1970])
            guard try await db.fetchValue(Int64.self, "SELECT COUNT(*) FROM signOnProvider WHERE name = ?", [name], table: "signOnProvider") == 1 else {
                return nil
            }
            try await db.execute("INSERT INTO signOnAttempt (stateSHA256, provider, nonce, verifier, expiresAt) VALUES (?, ?, ?, ?, ?)",
                                 [InvitationToken.digest(attempt.state), name, attempt.nonce, attempt.verifier, now.timeIntervalSince1970 + seconds])
            return attempt
        }
    }

    /// Claims the sign-in whose state is `state`, once: it is deleted in the same transaction that
    /// finds it, so a second answer carrying the same state (a replay, another server) finds
    /// nothing. Nil for a state never issued, already used or run out.
    public func claim(state: String, now: Date = Date()) async throws -> (attempt: SignOnAttempt, provider: SignOnProvider)? {
        guard InvitationToken.isWellFormed(state) else { return nil }
        let digest = InvitationToken.digest(state)
        return try await engine.write { db in
            guard let attempt = try await db.fetchOne(SignOnAttemptRow.self, "SELECT * FROM signOnAttempt WHERE stateSHA256 = ? AND expiresAt > ?",
                                                      [digest, now.timeIntervalSince1970])?.attempt,
                  let provider = try await db.fetchOne(SignOnProviderRow.self, "SELECT * FROM signOnProvider WHERE name = ?",
                                                       [attempt.provider])?.provider,
                  try await db.execute("DELETE FROM signOnAttempt WHERE stateSHA256 = ?", [digest]) == 1 else { return nil }
            return (attempt, provider)
        }
    }
}
