import Foundation
import S11Core

/// Each audit's append-only trail of changes. Entries are written by the store's other areas in
/// the transaction that makes the change (`record`), so a change and its entry are stored together
/// or not at all; nothing updates one (the table refuses it).
public struct TrailStore: StoreArea {
    let store: AuditStore

    /// The audit's entries that `officer`, `item` and the moments `from` (inclusive) and `to`
    /// (exclusive) select, oldest first; at most `limit`. Unless an officer or item is asked for,
    /// the sign-in record of the organisation's accounts (sign-ins, failures, locks, new passwords,
    /// unlocks) is read in as entries about accounts.
    public func entries(auditID: Int64, officer: String? = nil, item: String? = nil, from: Date? = nil, to: Date? = nil,
                        limit: Int = 10_000) async throws -> [TrailEntry] {
        let start = from?.timeIntervalSince1970 ?? 0, end = to?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude
        return try await engine.read { db in
            let changes = try await db.fetchAll(TrailEntryRow.self, """
                SELECT * FROM trail WHERE auditID = ?
                    AND (CAST(? AS TEXT) IS NULL OR officer = ? COLLATE NOCASE) AND (CAST(? AS TEXT) IS NULL OR item = ?)
                    AND at >= ? AND at < ?
                ORDER BY at, id LIMIT ?
                """, [auditID, officer, officer, item, item, start, end, limit]).map(\.entry)
            guard officer == nil, item == nil else { return changes }
            let signIns = try await db.fetchAll(SignInEventRow.self, """
                SELECT email, address, at, outcome FROM signInEvent
                WHERE email IN (SELECT email FROM coordinator WHERE organisation = (SELECT organisation FROM audit WHERE id = ?) COLLATE NOCASE)
                    AND at >= ? AND at < ?
                ORDER BY at, id LIMIT ?
                """, [auditID, start, end, limit]).map(\.event)
            let accounts = signIns.map { TrailEntry(at: $0.at, who: $0.email, subject: .account, field: $0.outcome.words, new: "from \($0.address)") }
            // Both are in time order: merged, each keeps its own order among equal moments.
            var merged: [TrailEntry] = [], a = changes[...], b = accounts[...]
            while merged.count < limit, !(a.isEmpty && b.isEmpty) {
                if let other = b.first, a.first.map({ other.at < $0.at }) ?? true { merged.append(b.removeFirst()) } else { merged.append(a.removeFirst()) }
            }
            return merged
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
