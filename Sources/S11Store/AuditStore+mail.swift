import Foundation
import S11Core

extension AuditStore {
    /// Records what became of one message to an officer of the audit.
    public func recordMail(_ record: MailRecord, auditID: Int64) throws {
        try engine.write { db in
            let officerID = try Self.officerID(db, email: record.officerEmail, auditID: auditID)
            try db.execute("""
                INSERT INTO mailMessage (officerID, kind, subject, at, accepted, detail) VALUES (?, ?, ?, ?, ?, ?)
                """, [officerID, record.kind.rawValue, record.subject, record.at.timeIntervalSince1970, record.accepted ? 1 : 0, record.detail])
        }
    }

    /// Every message recorded for the audit's officers, newest first.
    public func mailRecords(auditID: Int64) throws -> [MailRecord] {
        try engine.read { db in
            try db.fetchAll("""
                SELECT o.email, m.kind, m.subject, m.at, m.accepted, m.detail FROM mailMessage m JOIN officer o ON o.id = m.officerID
                WHERE o.auditID = ? ORDER BY m.at DESC, m.id DESC
                """, [auditID]).map(Self.mailRecord)
        }
    }

    /// The one mapping of the mailMessage table (joined to its officer's e-mail).
    static func mailRecord(_ row: SQLRow) -> MailRecord {
        MailRecord(officerEmail: row["email"], kind: MailRecord.Kind(rawValue: row["kind"]) ?? .invitation, subject: row["subject"],
                   at: Date(timeIntervalSince1970: row["at"]), accepted: row["accepted"], detail: row["detail"])
    }
}
