import Foundation
import S11Core

/// Forms posted after their session ended: kept an hour, by a token's hash, for the account whose
/// session it was, and taken once by that account when it signs in again.
extension AccountStore {
    /// Keeps a form posted to `path` with `body` for `email`; the token that finds it again.
    public func keepForm(email: String, path: String, body: String, lasting seconds: TimeInterval = 3600, now: Date = Date()) async throws -> String {
        let token = InvitationToken.generate()
        try await engine.writeAlongside { db in
            try await db.execute("DELETE FROM keptForm WHERE expiresAt <= ?", [now.timeIntervalSince1970])
            try await db.execute("INSERT INTO keptForm (tokenSHA256, email, path, body, expiresAt) VALUES (?, ?, ?, ?, ?)",
                                 [InvitationToken.digest(token), email.lowercased(), path, body, now.timeIntervalSince1970 + seconds])
        }
        return token
    }

    /// Takes the form kept under `token` for `email`, once: found and deleted in one transaction.
    /// Nil for an unknown or run-out token, or one kept for another account (which stays kept).
    public func takeKeptForm(token: String, email: String, now: Date = Date()) async throws -> KeptForm? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        let digest = InvitationToken.digest(token)
        return try await engine.write(locking: .account(email)) { db in
            guard let kept = try await db.fetchOne(KeptFormRow.self, "SELECT path, body FROM keptForm WHERE tokenSHA256 = ? AND email = ? COLLATE NOCASE AND expiresAt > ?",
                                                   [digest, email, now.timeIntervalSince1970])?.form else { return nil }
            try await db.execute("DELETE FROM keptForm WHERE tokenSHA256 = ?", [digest])
            return kept
        }
    }
}
