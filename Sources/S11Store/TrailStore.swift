import Foundation
import S11Core

/// Each audit's append-only trail of changes. Entries are written by the store's other areas in
/// the transaction that makes the change (`record`), so a change and its entry are stored together
/// or not at all; nothing updates one (the table refuses it).
public struct TrailStore: StoreArea {
    let store: AuditStore

    /// The audit's entries that `officer`, `item` and the moments `from` (inclusive) and `to`
    /// (exclusive) select, oldest first; at most `limit`.
    public func entries(auditID: Int64, officer: String? = nil, item: String? = nil, from: Date? = nil, to: Date? = nil,
                        limit: Int = 10_000) async throws -> [TrailEntry] {
        try await engine.read { db in
            try await db.fetchAll(TrailEntryRow.self, """
                SELECT * FROM trail WHERE auditID = ?
                    AND (CAST(? AS TEXT) IS NULL OR officer = ? COLLATE NOCASE) AND (CAST(? AS TEXT) IS NULL OR item = ?)
                    AND at >= ? AND at < ?
                ORDER BY at, id LIMIT ?
                """, [auditID, officer, officer, item, item, from?.timeIntervalSince1970 ?? 0,
                      to?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude, limit]).map(\.entry)
        }
    }

    /// Appends `entries` to the audit's trail, in the caller's transaction.
    static func record(_ entries: [TrailEntry], auditID: Int64, db: any SQLConnection) async throws {
        guard !entries.isEmpty else { return }
        try await db.insertRows(into: "trail", columns: ["auditID", "at", "who", "subject", "officer", "item", "field", "old", "new"],
                                entries.map { entry in
                                    [.integer(auditID), .real(entry.at.timeIntervalSince1970), .text(entry.who), .text(entry.subject.rawValue),
                                     entry.officer.sqlValue, entry.item.sqlValue, entry.field.sqlValue, entry.old.sqlValue, entry.new.sqlValue]
                                })
    }
}
