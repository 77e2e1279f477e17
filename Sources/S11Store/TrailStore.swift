import Foundation
import S11Core

/// Each audit's append-only trail of changes. Entries are written by the store's other areas in
/// the transaction that makes the change (`record`), so a change and its entry are stored together
/// or not at all; nothing updates one (the table refuses it).
public struct TrailStore: StoreArea {
    let store: AuditStore

    /// The audit's entries that `officer`, `item` and the moments `from` (inclusive) and `to`
    /// (exclusive) select, oldest first; at most `limit`. `subjects`, when given, keeps only
    /// entries about those. Unless an officer, item or subjects are asked for, the sign-in record
    /// of the organisation's accounts and invited coordinators (sign-ins, failures, locks, links
    /// sent, new passwords, unlocks) is read in as entries about accounts.
    public func entries(auditID: Int64, officer: String? = nil, item: String? = nil, from: Date? = nil, to: Date? = nil,
                        subjects: [TrailEntry.Subject]? = nil, limit: Int = 10_000) async throws -> [TrailEntry] {
        if subjects?.isEmpty == true { return [] }
        let start = from?.timeIntervalSince1970 ?? 0, end = to?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude
        let kinds: [any SQLBindable] = (subjects ?? []).map(\.rawValue)
        let onlySubjects = subjects.map { " AND subject IN (" + $0.map { _ in "?" }.joined(separator: ", ") + ")" } ?? ""
        return try await engine.read { db in
            let changes = try await db.fetchAll(TrailEntryRow.self, """
                SELECT * FROM trail WHERE auditID = ?
                    AND (CAST(? AS TEXT) IS NULL OR officer = ? COLLATE NOCASE) AND (CAST(? AS TEXT) IS NULL OR item = ?)
                    AND at >= ? AND at < ?\(onlySubjects)
                ORDER BY at, id LIMIT ?
                """, [auditID, officer, officer, item, item, start, end] + kinds + [limit]).map(\.entry)
            guard officer == nil, item == nil, subjects == nil else { return changes }
            let signIns = try await db.fetchAll(SignInEventRow.self, """
                SELECT email, address, at, outcome FROM signInEvent
                WHERE (email IN (SELECT email FROM coordinator WHERE organisation = (SELECT organisation FROM audit WHERE id = ?) COLLATE NOCASE)
                       OR email IN (SELECT email FROM coordinatorInvitation WHERE organisation = (SELECT organisation FROM audit WHERE id = ?) COLLATE NOCASE))
                    AND at >= ? AND at < ?
                ORDER BY at, id LIMIT ?
                """, [auditID, auditID, start, end, limit]).map(\.event)
            let accounts = signIns.map { TrailEntry(at: $0.at, who: $0.email, subject: .account, field: $0.outcome.words, new: $0.origin) }
            // Both are in time order: merged, each keeps its own order among equal moments.
            var merged: [TrailEntry] = [], a = changes[...], b = accounts[...]
            while merged.count < limit, !(a.isEmpty && b.isEmpty) {
                if let other = b.first, a.first.map({ other.at < $0.at }) ?? true { merged.append(b.removeFirst()) } else { merged.append(a.removeFirst()) }
            }
            return merged
        }
    }

    /// Appends to each of `auditIDs`' trails that the board's round did `what` (opened it, took it,
    /// gave it back ...), by `by`, in the caller's transaction.
    static func recordRound(_ what: String, new: String?, by: String, auditIDs: [Int64], db: any SQLConnection) async throws {
        let at = Date()
        for auditID in auditIDs {
            try await record([TrailEntry(at: at, who: by, subject: .round, field: what, new: new)], auditID: auditID, db: db)
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
