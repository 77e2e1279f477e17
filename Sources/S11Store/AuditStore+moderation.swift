import GRDB
import S11Core

extension AuditStore {
    /// Sets (or, with a nil band, withdraws) the moderated rating of a requirement or standard,
    /// and writes the change to the audit trail in the same transaction.
    @discardableResult
    public func moderate(auditID: Int64, scope: Moderation.Scope, rag: Rag?, reason: String, by: String,
                         at: String) throws -> ModerationChange {
        try writer.write { db in
            let old = try String.fetchOne(db, sql: "SELECT rag FROM moderation WHERE auditID = ? AND kind = ? AND scopeID = ?",
                                          arguments: [auditID, scope.kind, scope.id]).flatMap(Rag.init(rawValue:))
            if old == nil && rag == nil {
                throw StoreError("\(scope) has no moderated rating to withdraw")
            }
            try db.execute(sql: "DELETE FROM moderation WHERE auditID = ? AND kind = ? AND scopeID = ?",
                           arguments: [auditID, scope.kind, scope.id])
            if let rag {
                try db.execute(sql: """
                    INSERT INTO moderation (auditID, kind, scopeID, rag, reason, byName, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [auditID, scope.kind, scope.id, rag.rawValue, reason, by, at])
            }
            try db.execute(sql: """
                INSERT INTO moderationLog (auditID, kind, scopeID, oldRag, newRag, reason, byName, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [auditID, scope.kind, scope.id, old?.rawValue, rag?.rawValue, reason, by, at])
            return ModerationChange(scope: scope, old: old, new: rag, reason: reason, by: by, at: at)
        }
    }

    /// The audit's moderated ratings in force.
    public func moderations(auditID: Int64) throws -> [Moderation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM moderation WHERE auditID = ? ORDER BY kind, scopeID", arguments: [auditID])
                .compactMap { row in
                    guard let scope = Moderation.Scope(kind: row["kind"], id: row["scopeID"]),
                          let rag = Rag(rawValue: row["rag"]) else { return nil }
                    return Moderation(scope: scope, rag: rag, reason: row["reason"], by: row["byName"], at: row["at"])
                }
        }
    }

    /// Every moderation change of the audit, oldest first.
    public func moderationTrail(auditID: Int64) throws -> [ModerationChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM moderationLog WHERE auditID = ? ORDER BY id", arguments: [auditID])
                .compactMap { row in
                    guard let scope = Moderation.Scope(kind: row["kind"], id: row["scopeID"]) else { return nil }
                    return ModerationChange(scope: scope, old: (row["oldRag"] as String?).flatMap(Rag.init(rawValue:)),
                                            new: (row["newRag"] as String?).flatMap(Rag.init(rawValue:)),
                                            reason: row["reason"], by: row["byName"], at: row["at"])
                }
        }
    }
}
