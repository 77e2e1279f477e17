import Foundation
import NIOCore
import PostgresNIO

/// Bulk inserts on PostgreSQL through `COPY … FROM STDIN` (text format): the rows stream to the
/// server a quarter of a mebibyte at a time, with no statement to parse and no parameters to bind,
/// so a million rows cost one round trip and memory that does not grow with them.
extension PostgresSession {
    /// How many bytes of rows are sent at a time.
    static let copyBufferSize = 1 << 18

    /// Streams the rows `next` gives into `table`'s `columns`, in the caller's transaction.
    func copyRows(into table: String, columns: [String], next: (inout [SQLBorrowedValue]) throws -> Bool) async throws {
        var row: [SQLBorrowedValue] = []
        try await copy(into: table, columns: columns) { buffer in
            guard try next(&row) else { return false }
            Self.writeLine(row.lazy.map(CopyValue.borrowed), to: &buffer)
            return true
        }
    }

    /// Streams `rows` into `table`'s `columns`, in the caller's transaction.
    func copyRows(into table: String, columns: [String], _ rows: [[SQLValue]]) async throws {
        var remaining = rows[...]
        try await copy(into: table, columns: columns) { buffer in
            guard let row = remaining.popFirst() else { return false }
            Self.writeLine(row.lazy.map(CopyValue.owned), to: &buffer)
            return true
        }
    }

    /// Runs `COPY table (columns) FROM STDIN`, sending what `writeLine` writes (a row at a time,
    /// false when there are no more) a buffer at a time. The driver quotes the names, so they are
    /// given as PostgreSQL folds the store's unquoted ones.
    private func copy(into table: String, columns: [String], writeLine: (inout ByteBuffer) throws -> Bool) async throws {
        try await settle()
        do {
            try await connection.copyFrom(table: table.lowercased(), columns: columns.map { $0.lowercased() }, logger: connection.logger) { writer in
                var buffer = ByteBuffer()
                buffer.reserveCapacity(Self.copyBufferSize + 4_096)
                while try writeLine(&buffer) {
                    if buffer.readableBytes >= Self.copyBufferSize {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    /// A value to write, borrowed or owned.
    enum CopyValue {
        case borrowed(SQLBorrowedValue)
        case owned(SQLValue)
    }

    /// One row in COPY's text format: values separated by tabs, `\N` for NULL, ended by a newline.
    static func writeLine(_ values: some Sequence<CopyValue>, to buffer: inout ByteBuffer) {
        var first = true
        for value in values {
            if !first { buffer.writeInteger(UInt8(ascii: "\t")) }
            first = false
            switch value {
            case .borrowed(.null), .owned(.null): buffer.writeStaticString("\\N")
            case .borrowed(.integer(let integer)), .owned(.integer(let integer)): writeDecimal(integer, to: &buffer)
            case .owned(.real(let real)): buffer.writeString(real.isNaN ? "NaN" : real.isInfinite ? (real < 0 ? "-Infinity" : "Infinity") : "\(real)")
            case .borrowed(.text(let bytes)): writeEscaped(bytes, to: &buffer)
            case .owned(.text(let text)): var text = text; text.withUTF8 { writeEscaped(UnsafeRawBufferPointer($0), to: &buffer) }
            case .borrowed(.blob(let bytes)): writeHex(bytes, to: &buffer)
            case .owned(.blob(let data)): data.withUnsafeBytes { writeHex($0, to: &buffer) }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Text with COPY's escapes for backslash, tab, newline and carriage return.
    static func writeEscaped(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        var start = 0
        for (index, byte) in bytes.enumerated() {
            let escape: UInt8
            switch byte {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            default: continue
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            buffer.writeInteger(UInt8(ascii: "\\"))
            buffer.writeInteger(escape)
            start = index + 1
        }
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    /// Bytes as bytea's hex input (`\x…`), its backslash escaped for COPY, written straight into
    /// the buffer (a byte at a time through ByteBuffer's own calls cost a fifth of the import).
    static func writeHex(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        buffer.writeStaticString("\\\\x")
        let count = bytes.count * 2
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { out in
            hexDigits.withUnsafeBufferPointer { digits in
                var at = 0
                for byte in bytes {
                    out[at] = digits[Int(byte >> 4)]
                    out[at + 1] = digits[Int(byte & 0x0f)]
                    at += 2
                }
            }
            return count
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// An integer in decimal, without making a String of it.
    static func writeDecimal(_ value: Int64, to buffer: inout ByteBuffer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var left = value.magnitude, at = scratch.count
            repeat {
                at -= 1
                scratch[at] = UInt8(ascii: "0") + UInt8(left % 10)
                left /= 10
            } while left > 0
            if value < 0 { buffer.writeInteger(UInt8(ascii: "-")) }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: scratch[at...])))
        }
    }
}
