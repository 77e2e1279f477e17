import Foundation
import GRDB

extension AuditStore {
    /// Adds a coordinator, or sets a new password hash for one that exists.
    public func saveCoordinator(email: String, passwordHash: String) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO coordinator (email, passwordHash, createdAt) VALUES (?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET passwordHash = excluded.passwordHash
                """, arguments: [email.lowercased(), passwordHash, Self.now()])
            try db.execute(sql: "DELETE FROM coordinatorSession WHERE email = ? COLLATE NOCASE", arguments: [email])
        }
    }

    /// The stored (slow, salted) password hash of a coordinator.
    public func coordinatorPasswordHash(email: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT passwordHash FROM coordinator WHERE email = ? COLLATE NOCASE", arguments: [email])
        }
    }

    /// Starts a signed-in session; returns its token (only a hash is kept).
    public func startCoordinatorSession(email: String, lasting seconds: TimeInterval = 8 * 3600) throws -> String {
        let token = InvitationToken.generate()
        try writer.write { db in
            try db.execute(sql: "DELETE FROM coordinatorSession WHERE expiresAt < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO coordinatorSession (tokenSHA256, email, expiresAt) VALUES (?, ?, ?)",
                           arguments: [InvitationToken.digest(token), email.lowercased(), Date().timeIntervalSince1970 + seconds])
        }
        return token
    }

    /// The coordinator a session token belongs to, while it has not expired.
    public func coordinator(forSession token: String) throws -> String? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try writer.read { db in
            try String.fetchOne(db, sql: "SELECT email FROM coordinatorSession WHERE tokenSHA256 = ? AND expiresAt > ?",
                                arguments: [InvitationToken.digest(token), Date().timeIntervalSince1970])
        }
    }

    public func endCoordinatorSession(_ token: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM coordinatorSession WHERE tokenSHA256 = ?", arguments: [InvitationToken.digest(token)])
        }
    }
}
