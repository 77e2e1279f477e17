import Foundation
import S11Core

extension AuditStore {
    /// Stores returns in one transaction: each officer's answers are replaced by the return's.
    /// A return with every question answered is submitted; otherwise it is in progress.
    /// The caller validates the returns first (`ReturnValidator`).
    public func saveReturns(_ returns: [OfficerReturn], auditID: Int64, questionsPerOfficer: (Officer) -> Int) throws {
        try engine.write { db in
            let now = Self.now()
            for ret in returns {
                guard let row = try db.fetchOne("SELECT * FROM officer WHERE auditID = ? AND email = ?",
                                                 [auditID, ret.officerEmail]) else {
                    throw StoreError("no officer with e-mail '\(ret.officerEmail)' in this audit")
                }
                let officerID: Int64 = row["id"]
                try db.execute("DELETE FROM answer WHERE officerID = ?", [officerID])
                try db.insertRows(into: "answer", columns: ["officerID", "questionID", "option", "evidence", "example", "reason", "updatedAt"],
                                  ret.answers.map { answer in
                                      [.integer(officerID), .text(answer.questionID), answer.optionValue.sqlValue, answer.evidence.sqlValue,
                                       answer.example.sqlValue, answer.reason.sqlValue, .text(now)]
                                  })
                let answered = ret.answers.filter { $0.optionValue != nil }.count
                let complete = answered >= questionsPerOfficer(Self.officer(row))
                let status: ReturnStatus = complete ? .submitted : (answered > 0 ? .inProgress : .notStarted)
                try db.execute("UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                               [status.rawValue, complete ? now : nil, officerID])
            }
        }
    }

    /// The stored returns of an audit; only submitted ones unless `includeUnsubmitted`.
    public func returns(audit: AuditRecord, includeUnsubmitted: Bool = false) throws -> [OfficerReturn] {
        try engine.read { db in
            let officers = try db.fetchAll("SELECT * FROM officer WHERE auditID = ? ORDER BY email", [audit.id])
            return try officers.compactMap { row -> OfficerReturn? in
                let status = ReturnStatus(rawValue: row["status"]) ?? .notStarted
                guard includeUnsubmitted || status == .submitted else { return nil }
                let answers = try db.fetchAll("SELECT * FROM answer WHERE officerID = ? ORDER BY questionID",
                                               [row["id"] as Int64]).map { answer in
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
