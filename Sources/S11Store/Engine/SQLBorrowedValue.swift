import Foundation

/// A value bound straight from bytes someone else owns, for inserting many rows without making a
/// Swift value of each (`SQLConnection.insertRows(into:columns:next:)`); the bytes need only last
/// until the next row is asked for.
public enum SQLBorrowedValue {
    case null
    case integer(Int64)
    case text(UnsafeRawBufferPointer)
    case blob(UnsafeRawBufferPointer)

    /// The value copied out, for an engine that keeps it past the next row.
    var owned: SQLValue {
        switch self {
        case .null: .null
        case .integer(let integer): .integer(integer)
        case .text(let bytes): .text(String(decoding: bytes, as: UTF8.self))
        case .blob(let bytes): .blob(Data(bytes))
        }
    }
}
