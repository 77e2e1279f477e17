import Foundation
import S11Core

/// What an audit scores from, read as one snapshot: for the scorecard, and inside the writes
/// whose rules depend on the scores (a submission to the board, a moderation of what it holds).
extension AuditStore {
    /// The audit's officers, submitted returns, moderation and staff counts, read together.
    public func scoringInput(audit: AuditRecord) async throws -> AuditScoringInput {
        try await engine.read { db in try await scoringInput(audit: audit, db: db) }
    }

    /// The same, in the caller's transaction.
    func scoringInput(audit: AuditRecord, db: any SQLConnection) async throws -> AuditScoringInput {
        let officers = try await db.fetchAll(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? ORDER BY serviceArea, name",
                                             [audit.id])
        var returns: [OfficerReturn] = []
        for officer in officers.sorted(by: { $0.officer.email < $1.officer.email }) where officer.status == .submitted {
            returns.append(OfficerReturn(organisation: audit.organisation, year: audit.year, officerEmail: officer.officer.email,
                                         answers: try await ReturnStore.answers(officerID: officer.id, db: db)))
        }
        let moderations = try await db.fetchAll(ModerationRow.self, "SELECT * FROM moderation WHERE auditID = ? ORDER BY kind, scopeID",
                                                [audit.id]).map(\.moderation)
        let lastYear = try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                             [audit.organisation, audit.year - 1])?.audit
        return AuditScoringInput(audit: audit, officers: officers.map(\.officer), returns: returns, moderations: moderations,
                                 staffCounts: try await staff.codeCounts(auditID: audit.id, db: db),
                                 lastYearsStaffCounts: try await lastYear.asyncMap { try await staff.codeCounts(auditID: $0.id, db: db) })
    }

    /// The board that holds the audit now (its lead submitted it and it has not been given back),
    /// in the caller's transaction; nil when no board holds it.
    static func holdingBoard(auditID: Int64, db: any SQLConnection) async throws -> String? {
        try await db.fetchValue(String.self, """
            SELECT round.board FROM roundMember JOIN round ON round.id = roundMember.roundID
            WHERE roundMember.auditID = ? AND roundMember.submittedAt IS NOT NULL
            """, [auditID], table: "round")
    }

    /// Refuses a change to the answers or officers of an audit a board holds, in the caller's transaction.
    static func refuseIfHeldByBoard(auditID: Int64, db: any SQLConnection) async throws {
        if let refusal = ChangeRules.changingAnswers(heldBy: try await holdingBoard(auditID: auditID, db: db)) { throw refusal }
    }
}
