import Foundation
import S11Core

extension AuditStore {
    /// Saves some of an officer's answers at once (one page of the form), keeping the others; a
    /// saved answer is no longer carried from last year. Refused once the return is submitted.
    public func saveAnswers(_ answers: [Answer], officerEmail: String, auditID: Int64) async throws {
        try await engine.write { db in
            try await Self.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await Self.officerRow(db, email: officerEmail, auditID: auditID)
            if let refusal = ChangeRules.saving(into: officer.status) { throw refusal }
            let now = Self.now()
            for answer in answers {
                try await db.execute("""
                    INSERT INTO answer (officerID, questionID, option, evidence, example, reason, improvement, improvementLead,
                                        improvementBy, updatedAt, carried)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT (officerID, questionID) DO UPDATE SET option = excluded.option, evidence = excluded.evidence,
                        example = excluded.example, reason = excluded.reason, improvement = excluded.improvement,
                        improvementLead = excluded.improvementLead, improvementBy = excluded.improvementBy,
                        updatedAt = excluded.updatedAt, carried = 0
                    """, [officer.id, answer.questionID, answer.optionValue, answer.evidence,
                                     answer.example, answer.reason, answer.improvement?.action, answer.improvement?.lead,
                                     answer.improvement?.by, now])
            }
            try await db.execute("UPDATE officer SET status = ? WHERE id = ?",
                           [ReturnStatus.inProgress.rawValue, officer.id])
        }
    }

    /// Submits an officer's return unless `shortfalls` (the core's `ReturnRules`) finds something
    /// in the answers stored now, which are read in the same transaction, so that a save from
    /// another window cannot slip between the check and the submit. Returns what it found, and
    /// submits nothing, otherwise.
    public func submitReturn<Shortfall>(officerEmail: String, auditID: Int64,
                                        shortfalls: ([Answer]) -> [Shortfall]) async throws -> [Shortfall] {
        try await engine.write { db in
            try await Self.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await Self.officerRow(db, email: officerEmail, auditID: auditID)
            let found = await shortfalls(try Self.answers(db, officerID: officer.id))
            guard found.isEmpty else { return found }
            try await db.execute("UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                           [ReturnStatus.submitted.rawValue, Self.now(), officer.id])
            return []
        }
    }

    /// Opens a submitted return again for changes; its answers stay.
    public func reopenReturn(officerEmail: String, auditID: Int64) async throws {
        try await engine.write { db in
            try await Self.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await Self.officerRow(db, email: officerEmail, auditID: auditID)
            if let refusal = ChangeRules.reopening(officer.status, officerEmail: officerEmail) { throw refusal }
            try await db.execute("UPDATE officer SET status = ?, submittedAt = NULL WHERE id = ?",
                           [ReturnStatus.inProgress.rawValue, officer.id])
        }
    }

    /// One officer's return: status and answers (carried ones included).
    public func officerReturn(officerEmail: String, auditID: Int64) async throws -> (status: ReturnStatus, submittedAt: String?, answers: [Answer]) {
        try await engine.read { db in
            let officer = try await Self.officerRow(db, email: officerEmail, auditID: auditID)
            return await (officer.status, officer.submittedAt, try Self.answers(db, officerID: officer.id))
        }
    }

    /// Records when returns are due and whom officers ask, as the invitations said; nil keeps what is stored.
    public func setReturnsDue(auditID: Int64, deadline: CalendarDate?, contact: String?) async throws {
        try await engine.write { db in
            if let deadline { try await db.execute("UPDATE audit SET deadline = ? WHERE id = ?", [deadline.iso, auditID]) }
            if let contact { try await db.execute("UPDATE audit SET contact = ? WHERE id = ?", [contact, auditID]) }
        }
    }

    /// When returns are due and whom to ask, as last set by `s11 invite`.
    public func returnsDue(auditID: Int64) async throws -> (deadline: CalendarDate?, contact: String?) {
        try await engine.read { db in
            let audit = try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [auditID])
            return (audit?.deadline, audit?.contact)
        }
    }

    /// The audit with this id.
    public func audit(id: Int64) async throws -> AuditRecord? {
        try await engine.read { db in try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [id])?.audit }
    }

    private static func officerRow(_ db: any SQLConnection, email: String, auditID: Int64) async throws -> OfficerRow {
        guard let officer = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? AND email = ? COLLATE NOCASE",
                                                  [auditID, email]) else {
            throw StoreError("no officer with e-mail '\(email)' in this audit")
        }
        return officer
    }
}
