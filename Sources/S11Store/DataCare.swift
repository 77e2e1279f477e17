import Foundation
import GRDB
import S11Core

/// Looking after the data: backups, restores, erasing a person, retention, and moving a store
/// onto another engine.
public struct DataCare: StoreArea {
    let store: AuditStore

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
    /// the evidence rules score the same), their evidence documents go (bytes and all), and their
    /// links stop working.
    @discardableResult
    public func eraseOfficer(email: String) async throws -> Int {
        let erased = try await engine.write { db in
            let ids = try await db.fetchColumn(Int64.self, "SELECT id FROM officer WHERE email = ? COLLATE NOCASE", [email], table: "officer")
            // Their entries in the trail: what they wrote, and changes to their return, which name them.
            try await db.execute("DELETE FROM trail WHERE officer = ? COLLATE NOCASE OR who = ? COLLATE NOCASE OR who = ? COLLATE NOCASE",
                                 [email, email, "\(email) (their link)"])
            for id in ids {
                try await db.execute("UPDATE officer SET name = 'Erased officer', email = ? WHERE id = ?",
                               ["erased-\(UUID().uuidString.lowercased())@erased.invalid", id])
                for column in ["evidence", "example", "reason", "improvement", "improvementLead", "improvementBy", "improvementMeasure"] {
                    try await db.execute("UPDATE answer SET \(column) = '[erased]' WHERE officerID = ? AND \(column) IS NOT NULL", [id])
                }
                try await db.execute("DELETE FROM officerLink WHERE officerID = ?", [id])
                try await db.execute("DELETE FROM mailMessage WHERE officerID = ?", [id])   // said who the messages went to
                try await DocumentStore.deleteDocuments(officerID: id, db: db)              // their documents, and bytes nobody else's keep
                // The return's history: who submitted it, and a coordinator's reason for reopening, which may name them.
                try await db.execute("UPDATE returnEvent SET by = 'the officer' WHERE officerID = ? AND kind = 'submitted'", [id])
                try await db.execute("UPDATE returnEvent SET note = '[erased]' WHERE officerID = ? AND kind = 'reopened' AND note IS NOT NULL", [id])
            }
            return ids.count
        }
        try await engine.reclaimDeleted(from: "documentChunk")
        return erased
    }

    /// Deletes evidence documents attached more than `years` years before `today`, with the bytes
    /// no later attachment keeps, each noted in its audit's trail; then makes the deleted bytes
    /// unreadable from the database's files. Returns how many went.
    @discardableResult
    public func deleteDocuments(olderThan years: Int, today: Date = Date()) async throws -> Int {
        let cutoff = Calendar(identifier: .gregorian).date(byAdding: .year, value: -years, to: today)!
        let deleted = try await engine.write { db in
            let old = try await db.fetchAll("""
                SELECT \(DocumentRow.columns), officer.auditID FROM document JOIN officer ON officer.id = document.officerID
                WHERE document.uploadedAt < ? ORDER BY document.id
                """, [cutoff.timeIntervalSince1970])
            for row in old {
                let document = try DocumentRow(row).document
                let auditID: Int64 = try RowColumns(row, table: "officer")("auditID")
                try await db.execute("DELETE FROM document WHERE id = ?", [document.id])
                try await DocumentStore.deleteUnkeptContent(sha256: document.sha256, db: db)
                try await TrailStore.record([TrailEntry(at: today, who: "s11 purge", subject: .document, officer: document.officerEmail,
                                                        item: document.questionID, field: "removed after \(years) years", old: document.name)],
                                            auditID: auditID, db: db)
            }
            return old.count
        }
        try await engine.reclaimDeleted(from: "documentChunk")
        return deleted
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

    // MARK: Moving a store

    /// Copies every row of this store into `target`, which must be empty (a council's SQLite file
    /// onto a board's PostgreSQL server, or back), in one transaction on the target that commits
    /// only once each table's row count and checksum, read back from the target, match this
    /// store's. The source is read from one snapshot, so a server may go on writing to it; what
    /// it writes after the snapshot is not moved.
    public func move(into target: AuditStore) async throws -> StoreMoveReport {
        try await engine.read { source in
            try await target.engine.write { destination in
                var occupied: [String] = []
                for table in StoreTable.all where try await Self.count(table, in: destination) > 0 { occupied.append(table.name) }
                guard occupied.isEmpty else {
                    throw StoreError("the target store already holds data (\(occupied.joined(separator: ", "))); move into an empty one")
                }
                var tables: [StoreMoveReport.Table] = []
                for table in StoreTable.all {
                    let sent = try await Self.copy(table, from: source, to: destination)
                    let landed = try await Self.summary(of: table, in: destination)
                    guard sent == landed else {
                        throw StoreError("\(table.name): \(sent.rows) rows (checksum \(sent.checksum.prefix(16))) were sent but "
                                         + "\(landed.rows) (checksum \(landed.checksum.prefix(16))) landed; nothing was kept")
                    }
                    tables.append(sent)
                }
                return StoreMoveReport(tables: tables)
            }
        }
    }

    private static func count(_ table: StoreTable, in db: any SQLConnection) async throws -> Int {
        try await db.fetchValue(Int.self, "SELECT COUNT(*) FROM \(table.name)", table: table.name) ?? 0
    }

    /// Copies a table a thousand rows (or 8 MB) at a time, ids included, then moves the target's
    /// counter past them; returns the count and checksum of what it read, in the same pass. The
    /// byte limit keeps a table of documents' chunks (a mebibyte a row) from being held whole.
    private static func copy(_ table: StoreTable, from source: any SQLConnection, to destination: any SQLConnection) async throws
        -> StoreMoveReport.Table {
        var checksum = TableChecksum()
        var batch: [[SQLValue]] = []
        var batchBytes = 0
        var columns: [String] = []
        try await source.forEachRow("SELECT * FROM \(table.name)", []) { row in
            checksum.add(row)
            columns = row.columns.names
            batch.append(row.values)
            batchBytes += row.values.reduce(0) { $0 + $1.byteCount }
            if batch.count == 1_000 || batchBytes >= SQLValue.batchBytes {
                try await destination.insertRows(into: table.name, columns: columns, batch)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
        }
        if !batch.isEmpty { try await destination.insertRows(into: table.name, columns: columns, batch) }
        if table.numbersItsRows && destination.dialect == .postgres {
            try await destination.execute("""
                SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table.name)
                """)
        }
        return checksum.table(named: table.name)
    }

    /// A table's row count and checksum (`TableChecksum`), read from `db`.
    static func summary(of table: StoreTable, in db: any SQLConnection) async throws -> StoreMoveReport.Table {
        var checksum = TableChecksum()
        try await db.forEachRow("SELECT * FROM \(table.name)", []) { checksum.add($0) }
        return checksum.table(named: table.name)
    }
}
