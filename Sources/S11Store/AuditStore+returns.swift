import Foundation
import GRDB
import S11Core

extension AuditStore {
    /// Stores returns in one transaction: each officer's answers are replaced by the return's.
    /// A return with every question answered is submitted; otherwise it is in progress.
    /// The caller validates the returns first (`ReturnValidator`).
    public func saveReturns(_ returns: [OfficerReturn], auditID: Int64, questionsPerOfficer: (Officer) -> Int) throws {
        try writer.write { db in
            let now = Self.now()
            for ret in returns {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM officer WHERE auditID = ? AND email = ?",
                                                 arguments: [auditID, ret.officerEmail]) else {
                    throw StoreError("no officer with e-mail '\(ret.officerEmail)' in this audit")
                }
                let officerID: Int64 = row["id"]
                try db.execute(sql: "DELETE FROM answer WHERE officerID = ?", arguments: [officerID])
                var answered = 0
                for answer in ret.answers {
                    try db.execute(sql: """
                        INSERT INTO answer (officerID, questionID, option, evidence, example, reason, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [officerID, answer.questionID, answer.optionValue, answer.evidence,
                                         answer.example, answer.reason, now])
                    if answer.optionValue != nil { answered += 1 }
                }
                let complete = answered >= questionsPerOfficer(Self.officer(row))
                let status: ReturnStatus = complete ? .submitted : (answered > 0 ? .inProgress : .notStarted)
                try db.execute(sql: "UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                               arguments: [status.rawValue, complete ? now : nil, officerID])
            }
        }
    }

    /// The stored returns of an audit; only submitted ones unless `includeUnsubmitted`.
    public func returns(audit: AuditRecord, includeUnsubmitted: Bool = false) throws -> [OfficerReturn] {
        try writer.read { db in
            let officers = try Row.fetchAll(db, sql: "SELECT * FROM officer WHERE auditID = ? ORDER BY email", arguments: [audit.id])
            return try officers.compactMap { row -> OfficerReturn? in
                let status = ReturnStatus(rawValue: row["status"]) ?? .notStarted
                guard includeUnsubmitted || status == .submitted else { return nil }
                let answers = try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE officerID = ? ORDER BY questionID",
                                               arguments: [row["id"] as Int64]).map { answer in
                    Answer(questionID: answer["questionID"], choice: Answer.choice(from: answer["option"]),
                           evidence: answer["evidence"], example: answer["example"], reason: answer["reason"],
                           carried: answer["carried"])
                }
                return OfficerReturn(organisation: audit.organisation, year: audit.year,
                                     officerEmail: row["email"], answers: answers)
            }
        }
    }
}
