import Crypto
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
    public func move(into target: AuditStore) throws -> StoreMoveReport {
        try engine.read { source in
            try target.engine.write { destination in
                let occupied = try StoreTable.all.filter { try Self.count($0, in: destination) > 0 }.map(\.name)
                guard occupied.isEmpty else {
                    throw StoreError("the target store already holds data (\(occupied.joined(separator: ", "))); move into an empty one")
                }
                var tables: [StoreMoveReport.Table] = []
                for table in StoreTable.all {
                    try Self.copy(table, from: source, to: destination)
                    let sent = try Self.summary(of: table, in: source)
                    let landed = try Self.summary(of: table, in: destination)
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

    private static func count(_ table: StoreTable, in db: any SQLConnection) throws -> Int {
        try db.fetchValue(Int.self, "SELECT COUNT(*) FROM \(table.name)") ?? 0
    }

    /// Copies a table a thousand rows at a time, ids included, then moves the target's counter past them.
    private static func copy(_ table: StoreTable, from source: any SQLConnection, to destination: any SQLConnection) throws {
        var batch: [[SQLValue]] = []
        var columns: [String] = []
        try source.forEachRow("SELECT * FROM \(table.name)", []) { row in
            columns = row.columns.names
            batch.append(row.values)
            if batch.count == 1_000 {
                try destination.insertRows(into: table.name, columns: columns, batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try destination.insertRows(into: table.name, columns: columns, batch) }
        if table.numbersItsRows && destination.dialect == .postgres {
            try destination.execute("""
                SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table.name)
                """)
        }
    }

    /// A table's row count and checksum: each row's columns in name order, each value with its
    /// kind and length, hashed; the row hashes added up (modulo 2^256, so in any order and in
    /// constant memory), and the sum hashed with the count.
    static func summary(of table: StoreTable, in db: any SQLConnection) throws -> StoreMoveReport.Table {
        var sum = [UInt64](repeating: 0, count: 4)
        var rows = 0
        var order: [Int]?
        try db.forEachRow("SELECT * FROM \(table.name)", []) { row in
            let columns = order ?? row.columns.names.indices.sorted { row.columns.names[$0] < row.columns.names[$1] }
            order = columns
            var hash = SHA256()
            for index in columns {
                hash.update(data: Data(row.columns.names[index].utf8) + [0])
                hash.update(data: canonical(row.values[index]))
            }
            add(Array(hash.finalize()), to: &sum)
            rows += 1
        }
        var all = SHA256()
        for limb in sum { withUnsafeBytes(of: limb.bigEndian) { all.update(bufferPointer: $0) } }
        all.update(data: Data(String(rows).utf8))
        return .init(name: table.name, rows: rows, checksum: all.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// Adds a 32-byte digest, read as a big-endian number, to a 256-bit sum (least significant limb last).
    private static func add(_ digest: [UInt8], to sum: inout [UInt64]) {
        var carry: UInt64 = 0
        for limb in (0..<4).reversed() {
            let part = digest[(limb * 8)..<(limb * 8 + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let (partial, overflow1) = sum[limb].addingReportingOverflow(part)
            let (total, overflow2) = partial.addingReportingOverflow(carry)
            sum[limb] = total
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
    }

    private static func canonical(_ value: SQLValue) -> Data {
        func tagged(_ tag: UInt8, _ bytes: Data) -> Data {
            var length = UInt64(bytes.count).bigEndian
            return Data([tag]) + Data(bytes: &length, count: 8) + bytes
        }
        switch value {
        case .null: return tagged(0, Data())
        case .integer(let integer): return tagged(1, Data(String(integer).utf8))
        case .real(let real): return tagged(2, Data(String(real.bitPattern).utf8))
        case .text(let text): return tagged(3, Data(text.utf8))
        case .blob(let data): return tagged(4, data)
        }
    }
}
