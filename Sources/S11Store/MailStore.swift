import Foundation
import S11Core

/// What became of each message to an audit's officers (invitations and reminders).
public struct MailStore: StoreArea {
    let store: AuditStore

    /// Records what became of one message to an officer of the audit.
    public func record(_ record: MailRecord, auditID: Int64) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            let officerID = try await OfficerStore.id(email: record.officerEmail, auditID: auditID, db: db)
            try await db.execute("""
                INSERT INTO mailMessage (officerID, kind, subject, at, accepted, detail) VALUES (?, ?, ?, ?, ?, ?)
                """, [officerID, record.kind.rawValue, record.subject, record.at.timeIntervalSince1970, record.accepted ? 1 : 0, record.detail])
            try await TrailStore.record([TrailEntry(at: record.at, who: "s11's mail", subject: .invitation, officer: record.officerEmail,
                                                    field: record.kind.rawValue,
                                                    new: record.accepted ? "sent: \(record.subject)" : "not sent: \(record.detail)")],
                                        auditID: auditID, db: db)
        }
    }

    /// Every message recorded for the audit's officers, newest first.
    public func records(auditID: Int64) async throws -> [MailRecord] {
        try await engine.read { db in
            try await db.fetchAll(MailMessageRow.self, """
                SELECT o.email, m.kind, m.subject, m.at, m.accepted, m.detail FROM mailMessage m JOIN officer o ON o.id = m.officerID
                WHERE o.auditID = ? ORDER BY m.at DESC, m.id DESC
                """, [auditID]).map(\.record)
        }
    }

    /// Each officer's last message, by lower-cased e-mail address.
    public func lastRecords(auditID: Int64) async throws -> [String: MailRecord] {
        await Dictionary(try records(auditID: auditID).map { ($0.officerEmail.lowercased(), $0) }, uniquingKeysWith: { newest, _ in newest })
    }

    /// The officers (lower-cased e-mail addresses) whom some message reached: one the mail
    /// program accepted, or one written for the council's mail system.
    public func officersReached(auditID: Int64) async throws -> Set<String> {
        await Set(try records(auditID: auditID).filter(\.accepted).map { $0.officerEmail.lowercased() })
    }
}
