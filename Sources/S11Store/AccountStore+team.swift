import Foundation
import S11Core

/// An organisation's coordinators, kept by its coordinators: each account and each invitation
/// waiting, a coordinator invited (a link to set a password, only its hash kept), a locked
/// account unlocked, a new-password link, a display name.
extension AccountStore {
    /// How long an invitation or a new-password link works.
    public static let linkLasts: TimeInterval = 14 * 24 * 3600

    /// The organisation's coordinators and those invited to join it, by e-mail address.
    public func team(organisation: String, now: Date = Date()) async throws -> [TeamMember] {
        try await engine.read { db in
            try await db.fetchAll(TeamMemberRow.self, """
                SELECT m.email, m.displayName, m.hasAccount, m.linkExpires, (
                    SELECT MAX(at) FROM signInEvent e WHERE e.email = m.email AND e.outcome IN ('success', 'signed-on')) AS lastSignIn,
                  (SELECT COUNT(*) FROM signInEvent e WHERE e.email = m.email AND e.outcome = 'locked' AND e.at >= COALESCE((
                      SELECT MAX(at) FROM signInEvent r WHERE r.email = m.email AND r.outcome IN ('success', 'password-set', 'unlocked')), 0)) AS locks
                FROM (
                  SELECT c.email, c.displayName, CAST(1 AS BIGINT) AS hasAccount,
                         (SELECT MAX(expiresAt) FROM coordinatorInvitation i WHERE i.email = c.email AND i.expiresAt > ?) AS linkExpires
                  FROM coordinator c WHERE c.organisation = ? COLLATE NOCASE
                  UNION ALL
                  SELECT i.email, MAX(i.displayName), CAST(0 AS BIGINT), MAX(i.expiresAt) FROM coordinatorInvitation i
                  WHERE i.organisation = ? COLLATE NOCASE AND i.expiresAt > ? AND NOT EXISTS (SELECT 1 FROM coordinator c WHERE c.email = i.email)
                  GROUP BY i.email
                ) m ORDER BY m.email
                """, [now.timeIntervalSince1970, organisation, organisation, now.timeIntervalSince1970]).map(\.member)
        }
    }

    /// A link for `email` to set a password and sign in as a coordinator of `organisation`: a new
    /// coordinator invited (named `displayName`), or an existing one's new password. Any earlier
    /// link of theirs stops working. Refused, in the same transaction, for an address that signs
    /// in for another organisation or a board. Who sent it (`by`) goes into the sign-in record.
    /// Returns the token (only its hash is kept).
    public func issuePasswordLink(email: String, displayName: String?, organisation: String, by who: String, now: Date = Date()) async throws -> String {
        try await engine.write { db in
            if let account = try await Self.account(email: email, db: db), account.organisation?.lowercased() != organisation.lowercased() {
                throw StoreError("\(email) already signs in \(account.organisation.map { "for \($0)" } ?? "for a board"); an address belongs to one organisation")
            }
            let token = try await Self.replaceInvitation(email: email, organisation: organisation, displayName: displayName,
                                                         expiresAt: now.addingTimeInterval(Self.linkLasts), db: db)
            try await Self.recordSignIn(email: email, address: "sent by \(who)", outcome: .linkSent, at: now, db: db)
            return token
        }
    }

    /// The account that signs in as `email`, read in the caller's transaction.
    static func account(email: String, db: any SQLConnection) async throws -> Coordinator? {
        try await db.fetchOne(CoordinatorRow.self, "SELECT email, organisation, board, displayName FROM coordinator WHERE email = ? COLLATE NOCASE",
                              [email])?.coordinator
    }

    /// A new link for `email` to set a password as a coordinator of `organisation`, in place of any
    /// earlier one, in the caller's transaction; the token (only its hash is kept).
    static func replaceInvitation(email: String, organisation: String, displayName: String?, expiresAt: Date,
                                  db: any SQLConnection) async throws -> String {
        let token = InvitationToken.generate()
        try await db.execute("DELETE FROM coordinatorInvitation WHERE email = ? COLLATE NOCASE", [email])
        try await db.execute("""
            INSERT INTO coordinatorInvitation (tokenSHA256, email, organisation, expiresAt, displayName) VALUES (?, ?, ?, ?, ?)
            """, [InvitationToken.digest(token), email.lowercased(), organisation, expiresAt.timeIntervalSince1970, displayName])
        return token
    }

    /// Unlocks the account of `email`, a coordinator of `organisation`, keeping its password;
    /// false (nothing done) for an address that is not one of theirs.
    public func unlock(email: String, organisation: String, by who: String, now: Date = Date()) async throws -> Bool {
        try await engine.write { db in
            guard try await Self.isCoordinator(email: email, of: organisation, db: db) else { return false }
            try await Self.recordSignIn(email: email, address: "unlocked by \(who)", outcome: .unlocked, at: now, db: db)
            return true
        }
    }

    /// Sets the display name of `email`, a coordinator of `organisation`; false for an address that is not one of theirs.
    public func setDisplayName(_ name: String?, email: String, organisation: String) async throws -> Bool {
        try await engine.write { db in
            guard try await Self.isCoordinator(email: email, of: organisation, db: db) else { return false }
            try await db.execute("UPDATE coordinator SET displayName = ? WHERE email = ? COLLATE NOCASE", [name, email])
            return true
        }
    }

    private static func isCoordinator(email: String, of organisation: String, db: any SQLConnection) async throws -> Bool {
        try await db.fetchValue(Int64.self, "SELECT COUNT(*) FROM coordinator WHERE email = ? COLLATE NOCASE AND organisation = ? COLLATE NOCASE",
                                [email, organisation], table: "coordinator") == 1
    }
}
