import Foundation

/// A value as both engines store it: SQLite's storage classes, which PostgreSQL's column types
/// used by s11 map onto one to one (BIGINT, DOUBLE PRECISION, TEXT, BYTEA; a computed BOOLEAN reads as 1 or 0).
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// About how many bytes the value holds: for keeping a batch of rows to a size.
    var byteCount: Int {
        switch self {
        case .blob(let data): data.count
        case .text(let text): text.utf8.count
        default: 8
        }
    }

    /// How many bytes of rows a batch read or written at once may hold (rows of documents' chunks
    /// are a mebibyte each).
    static let batchBytes = 8 << 20

    /// The value as an error quotes it: a text cut at 40 characters, a blob by its length.
    var shortDescription: String {
        switch self {
        case .null: "NULL"
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .text(let text): text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
        case .blob(let data): data.count == 1 ? "1 byte" : "\(data.count) bytes"
        }
    }
}

/// A Swift value that can be bound to a statement's `?`.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLBindable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Double: SQLBindable {
    public var sqlValue: SQLValue { .real(self) }
}

extension Data: SQLBindable {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A Swift value that can be read from a result column.
public protocol SQLDecodable {
    /// The value, or nil when `value` cannot be read as this type.
    static func decode(_ value: SQLValue) -> Self?
    /// What a column read as this type must hold, as an error says it ("text").
    static var sqlDescription: String { get }
}

extension String: SQLDecodable {
    public static var sqlDescription: String { "text" }

    public static func decode(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Int64: SQLDecodable {
    public static var sqlDescription: String { "a whole number" }

    public static func decode(_ value: SQLValue) -> Int64? {
        if case .integer(let integer) = value { return integer }
        return nil
    }
}

extension Int: SQLDecodable {
    public static var sqlDescription: String { "a whole number" }

    public static func decode(_ value: SQLValue) -> Int? {
        Int64.decode(value).map(Int.init)
    }
}

extension Bool: SQLDecodable {
    public static var sqlDescription: String { "1 or 0" }

    public static func decode(_ value: SQLValue) -> Bool? {
        Int64.decode(value).map { $0 != 0 }
    }
}

extension Double: SQLDecodable {
    public static var sqlDescription: String { "a number" }

    public static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let real): real
        case .integer(let integer): Double(integer)
        default: nil
        }
    }
}

extension Data: SQLDecodable {
    public static var sqlDescription: String { "bytes" }

    public static func decode(_ value: SQLValue) -> Data? {
        if case .blob(let data) = value { return data }
        return nil
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public static var sqlDescription: String { "\(Wrapped.sqlDescription) or NULL" }

    public static func decode(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.decode(value).map { .some($0) }
    }
}
