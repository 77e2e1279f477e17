import Foundation
import S11Core

extension AuditStore {
    /// Records what became of one message to an officer of the audit.
    public func recordMail(_ record: MailRecord, auditID: Int64) async throws {
        try await engine.write { db in
            let officerID = try await Self.officerID(db, email: record.officerEmail, auditID: auditID)
            try await db.execute("""
                INSERT INTO mailMessage (officerID, kind, subject, at, accepted, detail) VALUES (?, ?, ?, ?, ?, ?)
                """, [officerID, record.kind.rawValue, record.subject, record.at.timeIntervalSince1970, record.accepted ? 1 : 0, record.detail])
        }
    }

    /// Every message recorded for the audit's officers, newest first.
    public func mailRecords(auditID: Int64) async throws -> [MailRecord] {
        try await engine.read { db in
            try await db.fetchAll(MailMessageRow.self, """
                SELECT o.email, m.kind, m.subject, m.at, m.accepted, m.detail FROM mailMessage m JOIN officer o ON o.id = m.officerID
                WHERE o.auditID = ? ORDER BY m.at DESC, m.id DESC
                """, [auditID]).map(\.record)
        }
    }

    /// Each officer's last message, by lower-cased e-mail address.
    public func lastMailRecords(auditID: Int64) async throws -> [String: MailRecord] {
        await Dictionary(try mailRecords(auditID: auditID).map { ($0.officerEmail.lowercased(), $0) }, uniquingKeysWith: { newest, _ in newest })
    }

    /// The officers (lower-cased e-mail addresses) whom some message reached: one the mail
    /// program accepted, or one written for the council's mail system.
    public func officersReachedByMail(auditID: Int64) async throws -> Set<String> {
        await Set(try mailRecords(auditID: auditID).filter(\.accepted).map { $0.officerEmail.lowercased() })
    }
}
