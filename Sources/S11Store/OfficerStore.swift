import Foundation
import S11Core

/// An audit's officers, the state of their returns, and their links (only each token's hash is kept).
public struct OfficerStore: StoreArea {
    let store: AuditStore

    /// Adds officers to an audit, or updates those already there (matched by e-mail), in one transaction.
    /// Returns how many were added and how many updated.
    /// `by` names who did it, for the trail.
    @discardableResult
    public func `import`(_ officers: [Officer], auditID: Int64, by: String = "s11") async throws -> (added: Int, updated: Int) {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            var added = 0, updated = 0, entries: [TrailEntry] = []
            for officer in officers {
                if let kept = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? AND email = ?", [auditID, officer.email]) {
                    try await db.execute("UPDATE officer SET name = ?, role = ?, serviceArea = ? WHERE id = ?",
                                   [officer.name, officer.role, officer.serviceArea, kept.id])
                    updated += 1
                    entries += Self.changes(from: kept.officer, to: officer, by: by)
                } else {
                    try await db.execute("INSERT INTO officer (auditID, name, email, role, serviceArea) VALUES (?, ?, ?, ?, ?)",
                                   [auditID, officer.name, officer.email, officer.role, officer.serviceArea])
                    added += 1
                    entries += Self.changes(from: nil, to: officer, by: by)
                }
            }
            try await TrailStore.record(entries, auditID: auditID, db: db)
            return (added, updated)
        }
    }

    /// The trail's entry for an officer added (`old` nil), changed or taken out (`new` nil); none when nothing changed.
    static func changes(from old: Officer?, to new: Officer?, by: String) -> [TrailEntry] {
        let words = { (officer: Officer?) in officer.map { "\($0.name), \($0.role), \($0.serviceArea)" } }
        guard let about = new ?? old, words(old) != words(new) else { return [] }
        return [TrailEntry(at: Date(), who: by, subject: .officer, officer: about.email,
                           field: old == nil ? "added" : new == nil ? "taken out" : "changed", old: words(old), new: words(new))]
    }

    /// The audit's officers with the state of their returns, by service area then name.
    public func statuses(auditID: Int64) async throws -> [OfficerStatus] {
        try await engine.read { db in
            try await db.fetchAll(OfficerStatusRow.self, """
                SELECT o.*, EXISTS (SELECT 1 FROM officerLink l WHERE l.officerID = o.id) AS invited,
                       (SELECT COUNT(*) FROM answer a WHERE a.officerID = o.id AND a.option IS NOT NULL) AS answered,
                       (SELECT COUNT(*) FROM answer a WHERE a.officerID = o.id AND a.carried = 1) AS carried
                FROM officer o WHERE o.auditID = ? ORDER BY o.serviceArea, o.name
                """, [auditID]).map(\.status)
        }
    }

    /// The audit's officers, by service area then name.
    public func all(auditID: Int64) async throws -> [Officer] {
        try await statuses(auditID: auditID).map(\.officer)
    }

    /// Issues a fresh unguessable link token for each officer that has none, or with `reissue`
    /// for every officer: revoking their earlier links, or with `keepEarlier` adding to them (an
    /// invitation sent again or a reminder carries a new link, since the old one cannot be read
    /// back from its hash, and the officer may still open the one they were sent first). Only
    /// the token's SHA-256 is stored: the tokens returned here are the only copy.
    /// `unsubmittedOnly` limits it to officers whose return is not in; `only` to those e-mail
    /// addresses (lower case).
    public func issueInvitations(auditID: Int64, reissue: Bool, keepEarlier: Bool = false, unsubmittedOnly: Bool = false,
                                 only emails: Set<String>? = nil) async throws -> [(officer: Officer, token: String)] {
        try await engine.write(locking: .audit(auditID)) { db in
            let rows = try await db.fetchAll(InvitedOfficerRow.self, """
                SELECT o.*, EXISTS (SELECT 1 FROM officerLink l WHERE l.officerID = o.id) AS invited FROM officer o
                WHERE o.auditID = ? ORDER BY o.serviceArea, o.name
                """, [auditID])
            var issued: [(Officer, String)] = []
            for row in rows {
                let officer = row.officer
                guard reissue || !row.invited, !(unsubmittedOnly && officer.status == .submitted),
                      emails.map({ $0.contains(officer.officer.email.lowercased()) }) != false else { continue }
                let token = InvitationToken.generate()
                if !keepEarlier { try await db.execute("DELETE FROM officerLink WHERE officerID = ?", [officer.id]) }
                try await db.execute("INSERT INTO officerLink (tokenSHA256, officerID, issuedAt) VALUES (?, ?, ?)",
                                     [InvitationToken.digest(token), officer.id, Self.now()])
                issued.append((officer.officer, token))
            }
            return issued
        }
    }

    /// The officer an invitation token belongs to, looked up by the token's hash; nil for an unknown or revoked token.
    public func find(token: String) async throws -> (auditID: Int64, officer: Officer)? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try await engine.read { db in
            guard let officer = try await db.fetchOne(OfficerRow.self, """
                SELECT o.* FROM officerLink l JOIN officer o ON o.id = l.officerID WHERE l.tokenSHA256 = ?
                """, [InvitationToken.digest(token)]) else { return nil }
            return (officer.auditID, officer.officer)
        }
    }

    /// Changes an officer's name, role or service area (the e-mail address is who they are).
    public func update(_ officer: Officer, auditID: Int64, by: String = "s11") async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let id = try await Self.id(email: officer.email, auditID: auditID, db: db)
            let kept = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE id = ?", [id])?.officer
            try await db.execute("UPDATE officer SET name = ?, role = ?, serviceArea = ? WHERE id = ?",
                           [officer.name, officer.role, officer.serviceArea, id])
            try await TrailStore.record(Self.changes(from: kept, to: officer, by: by), auditID: auditID, db: db)
        }
    }

    /// Takes an officer out of the audit with their answers, link and message records.
    public func remove(email: String, auditID: Int64, by: String = "s11") async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let id = try await Self.id(email: email, auditID: auditID, db: db)
            let kept = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE id = ?", [id])?.officer
            try await TrailStore.record(Self.changes(from: kept, to: nil, by: by), auditID: auditID, db: db)
            for table in ["answer", "officerLink", "mailMessage"] {
                try await db.execute("DELETE FROM \(table) WHERE officerID = ?", [id])
            }
            try await DocumentStore.deleteDocuments(officerID: id, db: db)
            try await db.execute("DELETE FROM officer WHERE id = ?", [id])
        }
    }

    /// The id of the audit's officer with this e-mail address (whatever its case), or a refusal
    /// naming it, in the caller's transaction.
    static func id(email: String, auditID: Int64, db: any SQLConnection) async throws -> Int64 {
        guard let id = try await db.fetchValue(Int64.self, "SELECT id FROM officer WHERE auditID = ? AND email = ? COLLATE NOCASE",
                                               [auditID, email], table: "officer") else {
            throw StoreError("no officer with e-mail '\(email)' in this audit")
        }
        return id
    }
}
