import Foundation
import GRDB
import S11Core

/// Looking after the data: backups, restores, erasing a person, and retention.
extension AuditStore {
    /// Copies the whole database to a new file with SQLite's online backup: consistent even while
    /// `s11 serve` is writing. Refuses to overwrite an existing file. A PostgreSQL store is backed
    /// up by the server's own tools, which its administrators already run.
    public func backup(to path: String) throws {
        guard let sqlite = engine as? SQLiteEngine else {
            throw StoreError("this store is on PostgreSQL: back it up with pg_dump (or the server's replication), not s11 backup")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError("\(path) already exists; back up to a new file")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try sqlite.writer.backup(to: destination)
        } catch let error as DatabaseError {
            throw StoreError("cannot back up to \(path): \(error.message ?? error.description)")
        }
    }

    /// Restores a backup into `path`: the backup must be an s11 database that passes SQLite's
    /// integrity check; an existing file at `path` is replaced only when asked.
    public static func restore(from backup: String, to path: String, replace: Bool) async throws {
        guard !PostgresLocation.isURL(path) else {
            throw StoreError("s11 restore writes an SQLite file; to move a store onto PostgreSQL use 's11 migrate-store --from FILE --to URL'")
        }
        guard FileManager.default.fileExists(atPath: backup) else { throw StoreError("no backup at \(backup)") }
        if FileManager.default.fileExists(atPath: path) && !replace {
            throw StoreError("\(path) exists; add --replace to overwrite it with the backup")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let source = try DatabaseQueue(path: backup, configuration: configuration)
            let check = try await source.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard check == ["ok"] else { throw StoreError("\(backup) is damaged: \(check.prefix(3).joined(separator: "; "))") }
            let isS11 = try await source.read { db in try db.tableExists("audit") && db.tableExists("grdb_migrations") }
            guard isS11 else { throw StoreError("\(backup) is not an s11 database") }
            for suffix in ["", "-wal", "-shm"] where replace { try? FileManager.default.removeItem(atPath: path + suffix) }
            let destination = try DatabasePool(path: path)
            try source.backup(to: destination)
        } catch let error as DatabaseError {
            throw StoreError("cannot restore \(backup): \(error.message ?? error.description)")
        }
        _ = try await AuditStore(database: path)                          // brings an older backup's schema up to date
    }

    /// Removes an officer's personal data from every audit, keeping their returns' scores: the
    /// name and e-mail become placeholders, evidence, examples and reasons become "[erased]" (so
    /// the evidence rules score the same), and their links stop working.
    @discardableResult
    public func eraseOfficer(email: String) async throws -> Int {
        try await engine.write { db in
            let ids = try await db.fetchColumn(Int64.self, "SELECT id FROM officer WHERE email = ? COLLATE NOCASE", [email], table: "officer")
            for id in ids {
                try await db.execute("UPDATE officer SET name = 'Erased officer', email = ? WHERE id = ?",
                               ["erased-\(UUID().uuidString.lowercased())@erased.invalid", id])
                for column in ["evidence", "example", "reason", "improvement", "improvementLead", "improvementBy"] {
                    try await db.execute("UPDATE answer SET \(column) = '[erased]' WHERE officerID = ? AND \(column) IS NOT NULL", [id])
                }
                try await db.execute("DELETE FROM invitation WHERE officerID = ?", [id])
                try await db.execute("DELETE FROM mailMessage WHERE officerID = ?", [id])   // said who the messages went to
            }
            return ids.count
        }
    }

    /// Deletes staff survey answers older than `years` years before `today` (by their day, or by
    /// their audit's year when no day was kept); returns how many went.
    @discardableResult
    public func deleteStaffResponses(olderThan years: Int, today: Date = Date()) async throws -> Int {
        let cutoff = Calendar(identifier: .gregorian).date(byAdding: .year, value: -years, to: today)!
        let cutoffDay = CalendarDate(cutoff, in: TimeZone(identifier: "UTC")!)
        return try await engine.write { db in
            let deleted = try await db.execute("""
                DELETE FROM staffAnswerSet WHERE (submittedOn IS NOT NULL AND submittedOn < ?)
                   OR (submittedOn IS NULL AND auditID IN (SELECT id FROM audit WHERE year < ?))
                """, [cutoffDay.iso, cutoffDay.year])
            // An import whose answer sets have all gone is no longer there to list or undo.
            try await db.execute("""
                DELETE FROM staffImportBatch WHERE NOT EXISTS
                    (SELECT 1 FROM staffAnswerSet a WHERE a.auditID = staffImportBatch.auditID AND a.batchID = staffImportBatch.id)
                """)
            return deleted
        }
    }
}
