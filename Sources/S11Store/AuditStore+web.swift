import Foundation
import GRDB
import S11Core

extension AuditStore {
    /// Saves some of an officer's answers at once (one page of the form), keeping the others; a
    /// saved answer is no longer carried from last year. Refused once the return is submitted.
    public func saveAnswers(_ answers: [Answer], officerEmail: String, auditID: Int64) throws {
        try writer.write { db in
            let officer = try Self.officerRow(db, email: officerEmail, auditID: auditID)
            guard officer["status"] as String != ReturnStatus.submitted.rawValue else {
                throw StoreError("this return has been submitted; ask the audit coordinator to reopen it to change it")
            }
            let now = Self.now()
            for answer in answers {
                try db.execute(sql: """
                    INSERT INTO answer (officerID, questionID, option, evidence, example, reason, updatedAt, carried)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT (officerID, questionID) DO UPDATE SET option = excluded.option, evidence = excluded.evidence,
                        example = excluded.example, reason = excluded.reason, updatedAt = excluded.updatedAt, carried = 0
                    """, arguments: [officer["id"] as Int64, answer.questionID, answer.optionValue, answer.evidence,
                                     answer.example, answer.reason, now])
            }
            try db.execute(sql: "UPDATE officer SET status = ? WHERE id = ?",
                           arguments: [ReturnStatus.inProgress.rawValue, officer["id"] as Int64])
        }
    }

    /// Marks an officer's return submitted when every one of `questionIDs` has an answer;
    /// returns the ids still unanswered (and submits nothing) otherwise.
    public func submitReturn(officerEmail: String, auditID: Int64, questionIDs: [String]) throws -> [String] {
        try writer.write { db in
            let officer = try Self.officerRow(db, email: officerEmail, auditID: auditID)
            let answered = Set(try String.fetchAll(db, sql: """
                SELECT questionID FROM answer WHERE officerID = ? AND option IS NOT NULL AND carried = 0
                """, arguments: [officer["id"] as Int64]))
            let missing = questionIDs.filter { !answered.contains($0) }
            guard missing.isEmpty else { return missing }
            try db.execute(sql: "UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                           arguments: [ReturnStatus.submitted.rawValue, Self.now(), officer["id"] as Int64])
            return []
        }
    }

    /// Opens a submitted return again for changes; its answers stay.
    public func reopenReturn(officerEmail: String, auditID: Int64) throws {
        try writer.write { db in
            let officer = try Self.officerRow(db, email: officerEmail, auditID: auditID)
            guard officer["status"] as String == ReturnStatus.submitted.rawValue else {
                throw StoreError("\(officerEmail)'s return is not submitted, so there is nothing to reopen")
            }
            try db.execute(sql: "UPDATE officer SET status = ?, submittedAt = NULL WHERE id = ?",
                           arguments: [ReturnStatus.inProgress.rawValue, officer["id"] as Int64])
        }
    }

    /// One officer's return: status and answers (carried ones included).
    public func officerReturn(officerEmail: String, auditID: Int64) throws -> (status: ReturnStatus, submittedAt: String?, answers: [Answer]) {
        try writer.read { db in
            let officer = try Self.officerRow(db, email: officerEmail, auditID: auditID)
            let answers = try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE officerID = ? ORDER BY questionID",
                                           arguments: [officer["id"] as Int64]).map { answer in
                Answer(questionID: answer["questionID"], choice: Answer.choice(from: answer["option"]), evidence: answer["evidence"],
                       example: answer["example"], reason: answer["reason"], carried: answer["carried"])
            }
            return (ReturnStatus(rawValue: officer["status"]) ?? .notStarted, officer["submittedAt"], answers)
        }
    }

    /// Issues the audit's public staff survey link, replacing any earlier one; only its hash is kept.
    public func issueStaffLink(auditID: Int64) throws -> String {
        let token = InvitationToken.generate()
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO staffLink (auditID, tokenSHA256, issuedAt) VALUES (?, ?, ?)",
                           arguments: [auditID, InvitationToken.digest(token), Self.now()])
        }
        return token
    }

    /// The audit a staff survey link belongs to; nil for an unknown or replaced link.
    public func audit(forStaffToken token: String) throws -> AuditRecord? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT a.* FROM staffLink s JOIN audit a ON a.id = s.auditID WHERE s.tokenSHA256 = ?",
                             arguments: [InvitationToken.digest(token)]).map(Self.audit)
        }
    }

    /// Records when returns are due and whom officers ask, as the invitations said; nil keeps what is stored.
    public func setReturnsDue(auditID: Int64, deadline: CalendarDate?, contact: String?) throws {
        try writer.write { db in
            if let deadline { try db.execute(sql: "UPDATE audit SET deadline = ? WHERE id = ?", arguments: [deadline.iso, auditID]) }
            if let contact { try db.execute(sql: "UPDATE audit SET contact = ? WHERE id = ?", arguments: [contact, auditID]) }
        }
    }

    /// When returns are due and whom to ask, as last set by `s11 invite`.
    public func returnsDue(auditID: Int64) throws -> (deadline: CalendarDate?, contact: String?) {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT deadline, contact FROM audit WHERE id = ?", arguments: [auditID])
            return ((row?["deadline"] as String?).flatMap(CalendarDate.init(iso:)), row?["contact"])
        }
    }

    /// The audit with this id.
    public func audit(id: Int64) throws -> AuditRecord? {
        try writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE id = ?", arguments: [id]).map(Self.audit) }
    }

    private static func officerRow(_ db: Database, email: String, auditID: Int64) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM officer WHERE auditID = ? AND email = ? COLLATE NOCASE",
                                         arguments: [auditID, email]) else {
            throw StoreError("no officer with e-mail '\(email)' in this audit")
        }
        return row
    }
}
