import S11Core
import Foundation

extension AuditStore {
    /// Adds a coordinator of `organisation` (nil: a board user, who sees every organisation's
    /// summaries), or sets a new password hash and organisation for one that exists; either ends
    /// their sessions and unlocks the account.
    /// `board` names the board a board user (no organisation) works for.
    public func saveCoordinator(email: String, passwordHash: String, organisation: String?, board: String? = nil) async throws {
        try await engine.write { db in
            try await Self.storeCoordinator(email: email, passwordHash: passwordHash, organisation: organisation, board: board,
                                            how: "s11 admin create", db: db)
        }
    }

    /// The account written, its sessions ended and the password's setting recorded (`how`), in the caller's transaction.
    static func storeCoordinator(email: String, passwordHash: String, organisation: String?, board: String? = nil, how: String,
                                 db: any SQLConnection) async throws {
        try await db.execute("""
            INSERT INTO coordinator (email, passwordHash, createdAt, organisation, board) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET passwordHash = excluded.passwordHash, organisation = excluded.organisation, board = excluded.board
            """, [email.lowercased(), passwordHash, Self.now(), organisation, organisation == nil ? board : nil])
        try await db.execute("DELETE FROM coordinatorSession WHERE email = ? COLLATE NOCASE", [email])
        try await Self.recordSignIn(email: email, address: how, outcome: .passwordSet, at: Date(), db: db)
    }

    /// The stored (slow, salted) password hash of a coordinator.
    public func coordinatorPasswordHash(email: String) async throws -> String? {
        try await engine.read { db in
            try await db.fetchValue(String.self, "SELECT passwordHash FROM coordinator WHERE email = ? COLLATE NOCASE", [email], table: "coordinator")
        }
    }

    /// Starts a signed-in session; returns its token (only a hash is kept).
    public func startCoordinatorSession(email: String, lasting seconds: TimeInterval = 8 * 3600) async throws -> String {
        let token = InvitationToken.generate()
        try await engine.write { db in
            try await db.execute("DELETE FROM coordinatorSession WHERE expiresAt < ?", [Date().timeIntervalSince1970])
            try await db.execute("INSERT INTO coordinatorSession (tokenSHA256, email, expiresAt) VALUES (?, ?, ?)",
                           [InvitationToken.digest(token), email.lowercased(), Date().timeIntervalSince1970 + seconds])
        }
        return token
    }

    /// The coordinator a session token belongs to, while it has not expired.
    public func coordinator(forSession token: String) async throws -> Coordinator? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try await engine.read { db in
            try await db.fetchOne(CoordinatorRow.self, """
                SELECT coordinator.email, coordinator.organisation, coordinator.board FROM coordinatorSession
                JOIN coordinator ON coordinator.email = coordinatorSession.email
                WHERE coordinatorSession.tokenSHA256 = ? AND coordinatorSession.expiresAt > ?
                """, [InvitationToken.digest(token), Date().timeIntervalSince1970])?.coordinator
        }
    }

    /// The audits the coordinator may see: their organisation's, or every one for a board user.
    public func audits(visibleTo coordinator: Coordinator) async throws -> [AuditRecord] {
        guard let board = coordinator.board else { return try await audits(organisation: coordinator.organisation) }
        return try await engine.read { db in
            try await db.fetchAll(AuditRow.self, "SELECT * FROM audit WHERE \(Self.boardsAudit) ORDER BY year DESC, organisation", [board, board])
                .map(\.audit)
        }
    }

    /// An audit a board user of board `?` (given twice) sees: one in, or read by, a round of that board.
    private static let boardsAudit = """
        (id IN (SELECT roundMember.auditID FROM roundMember JOIN round ON round.id = roundMember.roundID WHERE round.board = ? COLLATE NOCASE)
         OR id IN (SELECT roundReading.auditID FROM roundReading JOIN round ON round.id = roundReading.roundID WHERE round.board = ? COLLATE NOCASE))
        """

    /// The audit with this id if the coordinator may see it; nil both when there is none and when
    /// it is another organisation's, so that nobody can tell the two apart.
    public func audit(id: Int64, visibleTo coordinator: Coordinator) async throws -> AuditRecord? {
        try await engine.read { db in
            if let board = coordinator.board {
                return try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ? AND \(Self.boardsAudit)", [id, board, board])?.audit
            }
            return try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ? AND (CAST(? AS TEXT) IS NULL OR organisation = ? COLLATE NOCASE)",
                                         [id, coordinator.organisation, coordinator.organisation])?.audit
        }
    }

    public func endCoordinatorSession(_ token: String) async throws {
        try await engine.write { db in
            try await db.execute("DELETE FROM coordinatorSession WHERE tokenSHA256 = ?", [InvitationToken.digest(token)])
        }
    }
}
