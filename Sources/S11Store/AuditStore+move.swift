import S11Core
import Foundation

/// What moving a store copied, table by table, with the checksum both sides agreed on.
public struct StoreMoveReport: Sendable {
    public struct Table: Sendable, Hashable {
        public var name: String
        public var rows: Int
        /// SHA-256 over the sum of every row's hash, so it does not depend on either engine's order.
        public var checksum: String
    }

    public var tables: [Table]
}

extension AuditStore {
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

    /// Copies a table a thousand rows at a time, ids included, then moves the target's counter
    /// past them; returns the count and checksum of what it read, in the same pass.
    private static func copy(_ table: StoreTable, from source: any SQLConnection, to destination: any SQLConnection) async throws
        -> StoreMoveReport.Table {
        var checksum = TableChecksum()
        var batch: [[SQLValue]] = []
        var columns: [String] = []
        try await source.forEachRow("SELECT * FROM \(table.name)", []) { row in
            checksum.add(row)
            columns = row.columns.names
            batch.append(row.values)
            if batch.count == 1_000 {
                try await destination.insertRows(into: table.name, columns: columns, batch)
                batch.removeAll(keepingCapacity: true)
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
