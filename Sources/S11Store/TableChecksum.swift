import S11Core
import Crypto
import Foundation

/// A table's row count and checksum, built a row at a time: each row's columns in name order,
/// each value with its kind and length, hashed; the row hashes added up (modulo 2^256, so in any
/// order and in constant memory); the sum hashed with the count.
struct TableChecksum {
    private var sum = [UInt64](repeating: 0, count: 4)
    private var rows = 0
    private var order: [Int]?

    mutating func add(_ row: SQLRow) {
        let columns = order ?? row.columns.names.indices.sorted { row.columns.names[$0] < row.columns.names[$1] }
        order = columns
        var hash = SHA256()
        for index in columns {
            hash.update(data: Data(row.columns.names[index].utf8) + [0])
            hash.update(data: Self.canonical(row.values[index]))
        }
        add(Array(hash.finalize()))
        rows += 1
    }

    /// The count and checksum of the rows added, as the report shows them.
    func table(named name: String) -> StoreMoveReport.Table {
        var bytes = Data()
        for limb in sum { withUnsafeBytes(of: limb.bigEndian) { bytes.append(contentsOf: $0) } }
        bytes.append(contentsOf: String(rows).utf8)
        return StoreMoveReport.Table(name: name, rows: rows, checksum: HexDigest.sha256(bytes))
    }

    /// Adds a 32-byte digest, read as a big-endian number, to the 256-bit sum (least significant limb last).
    private mutating func add(_ digest: [UInt8]) {
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
