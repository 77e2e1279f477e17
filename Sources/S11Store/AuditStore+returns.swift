import Foundation
import S11Core

extension AuditStore {
    /// Stores returns in one transaction: each officer's answers are replaced by the return's, and
    /// the return stands where `status` (the core's `ReturnRules`) puts it. The caller validates the
    /// returns first (`ReturnValidator`).
    public func saveReturns(_ returns: [OfficerReturn], auditID: Int64, status: (Officer, [Answer]) -> ReturnStatus) async throws {
        try await engine.write { db in
            try await Self.refuseIfHeldByBoard(auditID: auditID, db: db)
            let now = Self.now()
            for ret in returns {
                guard let officer = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? AND email = ?",
                                                          [auditID, ret.officerEmail]) else {
                    throw StoreError("no officer with e-mail '\(ret.officerEmail)' in this audit")
                }
                let officerID = officer.id
                try await db.execute("DELETE FROM answer WHERE officerID = ?", [officerID])
                try await db.insertRows(into: "answer", columns: ["officerID", "questionID", "option", "evidence", "example", "reason",
                                                                 "improvement", "improvementLead", "improvementBy", "updatedAt"],
                                  ret.answers.map { answer in
                                      [.integer(officerID), .text(answer.questionID), answer.optionValue.sqlValue, answer.evidence.sqlValue,
                                       answer.example.sqlValue, answer.reason.sqlValue, answer.improvement?.action.sqlValue ?? .null,
                                       answer.improvement?.lead.sqlValue ?? .null, answer.improvement?.by.sqlValue ?? .null, .text(now)]
                                  })
                let stands = status(officer.officer, ret.answers)
                try await db.execute("UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                               [stands.rawValue, stands == .submitted ? now : nil, officerID])
            }
        }
    }

    /// The stored returns of an audit; only submitted ones unless `includeUnsubmitted`.
    public func returns(audit: AuditRecord, includeUnsubmitted: Bool = false) async throws -> [OfficerReturn] {
        try await engine.read { db in
            let officers = try await db.fetchAll(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? ORDER BY email", [audit.id])
            var returns: [OfficerReturn] = []
            for officer in officers {
                guard includeUnsubmitted || officer.status == .submitted else { continue }
                let answers = try await Self.answers(db, officerID: officer.id)
                returns.append(OfficerReturn(organisation: audit.organisation, year: audit.year,
                                             officerEmail: officer.officer.email, answers: answers))
            }
            return returns
        }
    }

    /// An officer's stored answers, carried ones included.
    static func answers(_ db: any SQLConnection, officerID: Int64) async throws -> [Answer] {
        try await db.fetchAll(AnswerRow.self, "SELECT * FROM answer WHERE officerID = ? ORDER BY questionID", [officerID]).map(\.answer)
    }
}
