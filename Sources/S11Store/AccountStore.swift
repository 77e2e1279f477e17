import Foundation
import S11Core

/// Coordinators' and board users' accounts: their password hashes, signed-in sessions and
/// invitations (only each token's hash is kept), and the sign-in attempts on them, kept in the
/// store so that every server sharing it throttles one count, and listed for coordinators.
public struct AccountStore: StoreArea {
    let store: AuditStore

    /// Adds a coordinator of `organisation` (nil: a board user, who sees every organisation's
    /// summaries), or sets a new password hash and organisation for one that exists; either ends
    /// their sessions and unlocks the account.
    /// `board` names the board a board user (no organisation) works for.
    public func save(email: String, passwordHash: String, organisation: String?, board: String? = nil) async throws {
        try await engine.write { db in
            try await Self.write(email: email, passwordHash: passwordHash, organisation: organisation, board: board,
                                 how: "s11 admin create", db: db)
        }
    }

    /// The account written, its sessions ended and the password's setting recorded (`how`), in the caller's transaction.
    private static func write(email: String, passwordHash: String, organisation: String?, board: String? = nil, displayName: String? = nil,
                              how: String, db: any SQLConnection) async throws {
        try await db.execute("""
            INSERT INTO coordinator (email, passwordHash, createdAt, organisation, board, displayName) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET passwordHash = excluded.passwordHash, organisation = excluded.organisation, board = excluded.board,
                displayName = COALESCE(excluded.displayName, coordinator.displayName)
            """, [email.lowercased(), passwordHash, Self.now(), organisation, organisation == nil ? board : nil, displayName])
        try await db.execute("DELETE FROM coordinatorSession WHERE email = ? COLLATE NOCASE", [email])
        try await Self.recordSignIn(email: email, address: how, outcome: .passwordSet, at: Date(), db: db)
    }

    /// The stored (slow, salted) password hash of a coordinator.
    public func passwordHash(email: String) async throws -> String? {
        try await engine.read { db in
            try await db.fetchValue(String.self, "SELECT passwordHash FROM coordinator WHERE email = ? COLLATE NOCASE", [email], table: "coordinator")
        }
    }

    // MARK: Sessions

    /// Starts a signed-in session; returns its token (only a hash is kept).
    public func startSession(email: String, lasting seconds: TimeInterval = 8 * 3600) async throws -> String {
        try await engine.write(locking: .account(email)) { db in try await Self.startSession(email: email, until: Date().addingTimeInterval(seconds), db: db) }
    }

    /// A new session for `email` until `end`, in the caller's transaction (those run out deleted); its token.
    static func startSession(email: String, until end: Date, db: any SQLConnection) async throws -> String {
        let token = InvitationToken.generate()
        let now = Date().timeIntervalSince1970
        try await db.execute("DELETE FROM coordinatorSession WHERE expiresAt < ?", [now])
        try await db.execute("INSERT INTO coordinatorSession (tokenSHA256, email, expiresAt, lastSeenAt) VALUES (?, ?, ?, ?)",
                             [InvitationToken.digest(token), email.lowercased(), end.timeIntervalSince1970, now])
        return token
    }

    /// The coordinator a session token belongs to, while it has neither run out nor gone unused
    /// for `idle` seconds; each use is noted (at most once a minute, so reading pages writes little).
    public func find(session token: String, idle: TimeInterval = 30 * 60, now: Date = Date()) async throws -> Coordinator? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        let digest = InvitationToken.digest(token), moment = now.timeIntervalSince1970
        guard let found = try await engine.read({ db in
            try await db.fetchOne("""
                SELECT coordinator.email, coordinator.organisation, coordinator.board, coordinator.displayName, coordinatorSession.lastSeenAt
                FROM coordinatorSession JOIN coordinator ON coordinator.email = coordinatorSession.email
                WHERE coordinatorSession.tokenSHA256 = ? AND coordinatorSession.expiresAt > ? AND coordinatorSession.lastSeenAt > ?
                """, [digest, moment, moment - idle]).map { row in
                (try CoordinatorRow(row).coordinator, try row.decode("lastSeenAt", from: .table("coordinatorSession")) as Double)
            }
        }) else { return nil }
        if found.1 < moment - 60 {
            try await engine.writeAlongside { db in
                try await db.execute("UPDATE coordinatorSession SET lastSeenAt = ? WHERE tokenSHA256 = ?", [moment, digest])
            }
        }
        return found.0
    }

    /// The account whose session `token` was, whether or not it has ended (while the row is kept): whose a form posted after it is.
    public func sessionOwner(_ token: String) async throws -> String? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try await engine.read { db in
            try await db.fetchValue(String.self, "SELECT email FROM coordinatorSession WHERE tokenSHA256 = ?", [InvitationToken.digest(token)],
                                    table: "coordinatorSession")
        }
    }

    /// Ends a signed-in session.
    public func endSession(_ token: String) async throws {
        try await engine.writeAlongside { db in
            try await db.execute("DELETE FROM coordinatorSession WHERE tokenSHA256 = ?", [InvitationToken.digest(token)])
        }
    }

    // MARK: Invitations

    /// Sets the invited lead's password and makes their coordinator account, once, while the link
    /// lasts; returns the e-mail address and organisation, or nil for an unknown or spent link.
    public func acceptInvitation(token: String, passwordHash: String) async throws -> Coordinator? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        let digest = InvitationToken.digest(token)
        return try await engine.write { db in
            guard let invited = try await db.fetchOne(CoordinatorInvitationRow.self,
                                                      "SELECT email, organisation, displayName FROM coordinatorInvitation WHERE tokenSHA256 = ? AND expiresAt > ?",
                                                      [digest, Date().timeIntervalSince1970])?.invited else { return nil }
            try await db.execute("DELETE FROM coordinatorInvitation WHERE tokenSHA256 = ?", [digest])
            try await Self.write(email: invited.email, passwordHash: passwordHash, organisation: invited.organisation,
                                 displayName: invited.displayName, how: "invitation accepted", db: db)
            return invited
        }
    }

    /// Whether a coordinator invitation link is good (known and not expired), without spending it.
    public func invitation(token: String) async throws -> Coordinator? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try await engine.read { db in
            try await db.fetchOne(CoordinatorInvitationRow.self, "SELECT email, organisation, displayName FROM coordinatorInvitation WHERE tokenSHA256 = ? AND expiresAt > ?",
                                  [InvitationToken.digest(token), Date().timeIntervalSince1970])?.invited
        }
    }
}
