import Foundation
import S11Core

/// Officers' returns: their answers, saved a page at a time or a whole return at once, submitted
/// and reopened as the core's rules say; and when returns are due.
public struct ReturnStore: StoreArea {
    let store: AuditStore

    /// Stores returns in one transaction: each officer's answers are replaced by the return's, the
    /// documents it names are attached (kept beside those attached already, within `limits`), and
    /// the return stands where `status` (the core's `ReturnRules`) puts it. The caller validates the
    /// returns first (`ReturnValidator`) and checks and scans the documents.
    public func save(_ returns: [OfficerReturn], auditID: Int64, from file: (OfficerReturn) -> String = { _ in "a return file" },
                     documents: [DocumentStore.Attachment] = [], limits: DocumentLimits = .standard,
                     status: (Officer, [Answer]) -> ReturnStatus) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let now = Self.now()
            for ret in returns {
                guard let officer = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? AND email = ?",
                                                          [auditID, ret.officerEmail]) else {
                    throw StoreError("no officer with e-mail '\(ret.officerEmail)' in this audit")
                }
                let officerID = officer.id
                let before = Dictionary(try await Self.answers(officerID: officerID, db: db).map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
                let at = Date()
                try await TrailStore.record(ret.answers.flatMap { TrailEntry.answerChanges(from: before[$0.questionID], to: $0, at: at, who: file(ret),
                                                                                            officer: officer.officer.email) },
                                            auditID: auditID, db: db)
                try await db.execute("DELETE FROM answer WHERE officerID = ?", [officerID])
                try await db.insertRows(into: "answer", columns: ["officerID", "questionID", "option", "evidence", "example", "reason",
                                                                 "improvement", "improvementLead", "improvementBy", "improvementMeasure", "updatedAt"],
                                  ret.answers.map { answer in
                                      [.integer(officerID), .text(answer.questionID), answer.optionValue.sqlValue, answer.evidence.sqlValue,
                                       answer.example.sqlValue, answer.reason.sqlValue, answer.improvement?.action.sqlValue ?? .null,
                                       answer.improvement?.lead.sqlValue ?? .null, answer.improvement?.by.sqlValue ?? .null,
                                       answer.improvement?.measure.sqlValue ?? .null, .text(now)]
                                  })
                for attachment in documents where attachment.officerEmail == ret.officerEmail {
                    _ = try await DocumentStore.insert(attachment.upload, questionID: attachment.questionID, officer: officer, auditID: auditID,
                                                       by: file(ret), limits: limits, db: db)
                }
                let stands = status(officer.officer, ret.answers)
                try await db.execute("UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                               [stands.rawValue, stands == .submitted ? now : nil, officerID])
                try await Self.recordStatus(from: officer.status, to: stands, who: file(ret), officer: officer, auditID: auditID, db: db)
                try await Self.record(ReturnEvent(kind: .imported, at: Self.preciseNow(), by: file(ret), note: stands.label), officerID: officerID, db: db)
            }
        }
    }

    /// The stored returns of an audit; only submitted ones unless `includeUnsubmitted`.
    public func stored(audit: AuditRecord, includeUnsubmitted: Bool = false) async throws -> [OfficerReturn] {
        try await engine.read { db in
            let officers = try await db.fetchAll(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? ORDER BY email", [audit.id])
            var returns: [OfficerReturn] = []
            for officer in officers {
                guard includeUnsubmitted || officer.status == .submitted else { continue }
                let answers = try await Self.answers(officerID: officer.id, db: db)
                returns.append(OfficerReturn(organisation: audit.organisation, year: audit.year,
                                             officerEmail: officer.officer.email, answers: answers))
            }
            return returns
        }
    }

    /// Saves some of an officer's answers at once (one page of the form), keeping the others; a
    /// saved answer is no longer carried from last year. Refused once the return is submitted.
    public func saveAnswers(_ answers: [Answer], officerEmail: String, auditID: Int64) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await Self.officerRow(email: officerEmail, auditID: auditID, db: db)
            if let refusal = ChangeRules.saving(into: officer.status) { throw refusal }
            let now = Self.now()
            let before = Dictionary(try await Self.answers(officerID: officer.id, db: db).map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
            let at = Date(), who = "\(officer.officer.email) (their link)"
            try await TrailStore.record(answers.flatMap { TrailEntry.answerChanges(from: before[$0.questionID], to: $0, at: at, who: who,
                                                                                   officer: officer.officer.email) },
                                        auditID: auditID, db: db)
            for answer in answers {
                try await db.execute("""
                    INSERT INTO answer (officerID, questionID, option, evidence, example, reason, improvement, improvementLead,
                                        improvementBy, improvementMeasure, updatedAt, carried)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT (officerID, questionID) DO UPDATE SET option = excluded.option, evidence = excluded.evidence,
                        example = excluded.example, reason = excluded.reason, improvement = excluded.improvement,
                        improvementLead = excluded.improvementLead, improvementBy = excluded.improvementBy,
                        improvementMeasure = excluded.improvementMeasure,
                        updatedAt = excluded.updatedAt, carried = 0
                    """, [officer.id, answer.questionID, answer.optionValue, answer.evidence,
                                     answer.example, answer.reason, answer.improvement?.action, answer.improvement?.lead,
                                     answer.improvement?.by, answer.improvement?.measure, now])
            }
            try await db.execute("UPDATE officer SET status = ? WHERE id = ?",
                           [ReturnStatus.inProgress.rawValue, officer.id])
            try await Self.recordStatus(from: officer.status, to: .inProgress, who: who, officer: officer, auditID: auditID, db: db)
        }
    }

    /// Submits an officer's return unless `shortfalls` (the core's `ReturnRules`) finds something
    /// in the answers stored now, which are read in the same transaction, so that a save from
    /// another window cannot slip between the check and the submit. Returns what it found, and
    /// submits nothing, otherwise.
    public func submit<Shortfall>(officerEmail: String, auditID: Int64,
                                  shortfalls: ([Answer]) -> [Shortfall]) async throws -> [Shortfall] {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await Self.officerRow(email: officerEmail, auditID: auditID, db: db)
            let found = await shortfalls(try Self.answers(officerID: officer.id, db: db))
            guard found.isEmpty else { return found }
            let now = Self.now()
            try await db.execute("UPDATE officer SET status = ?, submittedAt = ? WHERE id = ?",
                           [ReturnStatus.submitted.rawValue, now, officer.id])
            try await Self.record(ReturnEvent(kind: .submitted, at: Self.preciseNow(), by: officerEmail), officerID: officer.id, db: db)
            try await Self.recordStatus(from: officer.status, to: .submitted, who: "\(officer.officer.email) (their link)", officer: officer,
                                        auditID: auditID, db: db)
            return []
        }
    }

    /// Opens a submitted return again for changes; its answers stay. The history keeps who
    /// reopened it and why.
    public func reopen(officerEmail: String, auditID: Int64, by who: String, reason: String?) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await Self.officerRow(email: officerEmail, auditID: auditID, db: db)
            if let refusal = ChangeRules.reopening(officer.status, officerEmail: officerEmail) { throw refusal }
            try await db.execute("UPDATE officer SET status = ?, submittedAt = NULL WHERE id = ?",
                           [ReturnStatus.inProgress.rawValue, officer.id])
            try await Self.record(ReturnEvent(kind: .reopened, at: Self.preciseNow(), by: who, note: reason), officerID: officer.id, db: db)
            try await Self.recordStatus(from: officer.status, to: .inProgress, who: who, officer: officer, auditID: auditID, db: db)
        }
    }

    /// The steps of one officer's return, oldest first.
    public func history(officerEmail: String, auditID: Int64) async throws -> [ReturnEvent] {
        try await engine.read { db in
            let officer = try await Self.officerRow(email: officerEmail, auditID: auditID, db: db)
            return try await db.fetchAll(ReturnEventRow.self, "SELECT * FROM returnEvent WHERE officerID = ? ORDER BY id", [officer.id]).map(\.event)
        }
    }

    /// Now, to the millisecond: a step of a return is ordered against the messages sent the same second.
    static func preciseNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    /// The return's status moving from `old` to `new` in the trail (nothing when it stays), in the caller's transaction.
    static func recordStatus(from old: ReturnStatus, to new: ReturnStatus, who: String, officer: OfficerRow, auditID: Int64,
                                     db: any SQLConnection) async throws {
        guard old != new else { return }
        try await TrailStore.record([TrailEntry(at: Date(), who: who, subject: .returnStatus, officer: officer.officer.email, field: "status",
                                                old: old.label, new: new.label)], auditID: auditID, db: db)
    }

    private static func record(_ event: ReturnEvent, officerID: Int64, db: any SQLConnection) async throws {
        try await db.execute("INSERT INTO returnEvent (officerID, kind, at, by, note) VALUES (?, ?, ?, ?, ?)",
                             [officerID, event.kind.rawValue, event.at, event.by, event.note])
    }

    /// One officer's return: status and answers (carried ones included).
    public func find(officerEmail: String, auditID: Int64) async throws -> (status: ReturnStatus, submittedAt: String?, answers: [Answer]) {
        try await engine.read { db in
            let officer = try await Self.officerRow(email: officerEmail, auditID: auditID, db: db)
            return await (officer.status, officer.submittedAt, try Self.answers(officerID: officer.id, db: db))
        }
    }

    /// Records when returns are due and whom officers ask, as the invitations said; nil keeps what is stored.
    public func setDue(auditID: Int64, deadline: CalendarDate?, contact: String?) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            if let deadline { try await db.execute("UPDATE audit SET deadline = ? WHERE id = ?", [deadline.iso, auditID]) }
            if let contact { try await db.execute("UPDATE audit SET contact = ? WHERE id = ?", [contact, auditID]) }
        }
    }

    /// When returns are due and whom to ask, as last set by `s11 invite`.
    public func due(auditID: Int64) async throws -> (deadline: CalendarDate?, contact: String?) {
        try await engine.read { db in
            let audit = try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [auditID])
            return (audit?.deadline, audit?.contact)
        }
    }

    /// An officer's stored answers, carried ones included, in the caller's transaction.
    static func answers(officerID: Int64, db: any SQLConnection) async throws -> [Answer] {
        try await db.fetchAll(AnswerRow.self, "SELECT * FROM answer WHERE officerID = ? ORDER BY questionID", [officerID]).map(\.answer)
    }

    static func officerRow(email: String, auditID: Int64, db: any SQLConnection) async throws -> OfficerRow {
        guard let officer = try await db.fetchOne(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? AND email = ? COLLATE NOCASE",
                                                  [auditID, email]) else {
            throw StoreError("no officer with e-mail '\(email)' in this audit")
        }
        return officer
    }
}
