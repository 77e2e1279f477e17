/// One result row, read by column name (whatever its case: PostgreSQL folds unquoted names to
/// lower case, SQLite keeps them as written) or by position. Reading a column that is not there,
/// or a value of another type, throws an error naming where the row came from and the column:
/// a store altered under s11, or a query that lost a column, refuses that request and no other.
public struct SQLRow: Sendable {
    /// The result's column names, lower-cased; shared by every row of one result.
    let columns: SQLColumns
    public let values: [SQLValue]

    init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the named column as `T`; `source` names what the row is ("the officer
    /// table") for the error.
    func decode<T: SQLDecodable>(_ name: String, from source: SQLRowSource) throws -> T {
        guard let index = columns.index(of: name) else { throw source.missing(name) }
        return try decode(index, named: name, from: source)
    }

    /// The value at `index` as `T`.
    func decode<T: SQLDecodable>(at index: Int, from source: SQLRowSource) throws -> T {
        guard index < values.count else { throw source.missing("number \(index + 1)") }
        return try decode(index, named: columns.names[index], from: source)
    }

    /// The raw value of the named column, for a copy that keeps it as stored.
    func value(_ name: String, from source: SQLRowSource) throws -> SQLValue {
        guard let index = columns.index(of: name) else { throw source.missing(name) }
        return values[index]
    }

    private func decode<T: SQLDecodable>(_ index: Int, named name: String, from source: SQLRowSource) throws -> T {
        guard let value = T.decode(values[index]) else { throw source.wrongValue(name, holds: values[index], expected: T.sqlDescription) }
        return value
    }
}

/// The column names of a result, lower-cased once.
final class SQLColumns: Sendable {
    let names: [String]

    init(_ names: [String]) {
        self.names = names.map { $0.lowercased() }
    }

    /// The first column called `name`, whatever its case, in one pass over the names (every
    /// column of every row read is found here).
    func index(of name: String) -> Int? {
        names.firstIndex(of: name.lowercased())
    }
}
