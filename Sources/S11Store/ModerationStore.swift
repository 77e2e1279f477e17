import Foundation
import S11Core

/// Moderated ratings of an audit's requirements and standards, and the trail of every change.
public struct ModerationStore: StoreArea {
    let store: AuditStore

    /// Sets (or, with a nil band, withdraws) the moderated rating of a requirement or standard (with
    /// the panel's `option` on the scale, where it scored one), and writes the change to the audit
    /// trail, in one transaction. While a board holds the audit only that board moderates it
    /// (`ChangeRules.moderating`, checked in the transaction), and what it holds is scored again
    /// from the moderated audit by `rescore` in the same transaction.
    @discardableResult
    public func change(auditID: Int64, scope: Moderation.Scope, rag: Rag?, option: String? = nil, reason: String, by: String,
                       at: String, as changer: ChangeRules.Changer = .organisation,
                       rescore: (AuditScoringInput) throws -> [BoardScore] = { _ in [] }) async throws -> ModerationChange {
        try await engine.write(locking: .audit(auditID)) { db in
            let holder = try await RoundStore.holdingBoard(auditID: auditID, db: db)
            if let refusal = ChangeRules.moderating(heldBy: holder, by: changer) { throw refusal }
            let before = try await db.fetchOne(ModerationRow.self, "SELECT * FROM moderation WHERE auditID = ? AND kind = ? AND scopeID = ?",
                                               [auditID, scope.kind, scope.id])?.moderation
            let old = before?.rag
            let oldOption = before?.option
            if old == nil && rag == nil {
                throw StoreError("\(scope) has no moderated rating to withdraw")
            }
            try await db.execute("DELETE FROM moderation WHERE auditID = ? AND kind = ? AND scopeID = ?",
                           [auditID, scope.kind, scope.id])
            let newOption = rag == nil ? nil : option
            if let rag {
                try await db.execute("""
                    INSERT INTO moderation (auditID, kind, scopeID, rag, option, reason, byName, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [auditID, scope.kind, scope.id, rag.rawValue, newOption, reason, by, at])
            }
            try await db.execute("""
                INSERT INTO moderationLog (auditID, kind, scopeID, oldRag, newRag, oldOption, newOption, reason, byName, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [auditID, scope.kind, scope.id, old?.rawValue, rag?.rawValue, oldOption, newOption, reason, by, at])
            let words = { (rag: Rag?, option: String?) in rag.map { band in option.map { "\(band.rawValue) (\($0))" } ?? band.rawValue } }
            try await TrailStore.record([TrailEntry(at: Date(), who: by, subject: .moderation, item: scope.id,
                                                    field: "moderated \(scope.kind) rating", old: words(old, oldOption),
                                                    new: words(rag, newOption).map { "\($0): \(reason)" } ?? "withdrawn: \(reason)")],
                                        auditID: auditID, db: db)
            if holder != nil, let audit = try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [auditID])?.audit {
                try await RoundStore.replaceBoardScores(try rescore(try await store.audits.scoringInput(of: audit, db: db)), auditID: auditID, db: db)
            }
            return ModerationChange(scope: scope, old: old, new: rag, oldOption: oldOption, newOption: newOption, reason: reason, by: by, at: at)
        }
    }

    /// The audit's moderated ratings in force.
    public func ratings(auditID: Int64) async throws -> [Moderation] {
        try await engine.read { db in
            try await db.fetchAll(ModerationRow.self, "SELECT * FROM moderation WHERE auditID = ? ORDER BY kind, scopeID", [auditID])
                .map(\.moderation)
        }
    }

    /// Every moderation change of the audit, oldest first.
    public func trail(auditID: Int64) async throws -> [ModerationChange] {
        try await engine.read { db in
            try await db.fetchAll(ModerationLogRow.self, "SELECT * FROM moderationLog WHERE auditID = ? ORDER BY id", [auditID])
                .map(\.change)
        }
    }
}
