import S11Core
import Foundation

/// One row as a record reads it: each column by name, as the type it is kept in, with an error
/// naming the record's table (or query) and the column when the column is missing or holds
/// something else (`let columns = RowColumns(row, table: "officer")`, `try columns("status")`).
struct RowColumns {
    private let row: SQLRow
    private let source: SQLRowSource

    /// A row of the table so named.
    init(_ row: SQLRow, table: String) {
        self.row = row
        source = .table(table)
    }

    /// A row of a query that is not one table, by what it gives ("the officers' statuses").
    init(_ row: SQLRow, query: String) {
        self.row = row
        source = .query(query)
    }

    /// The named column's value as `T`.
    func callAsFunction<T: SQLDecodable>(_ name: String) throws -> T {
        try row.decode(name, from: source)
    }

    /// The named column's text in the form `T` keeps it in (a status, a band, a date).
    func callAsFunction<T: SQLTextForm>(_ name: String) throws -> T {
        let value = try row.value(name, from: source)
        guard case .text(let text) = value, let read = T(sqlText: text) else {
            throw source.wrongValue(name, holds: value, expected: T.sqlDescription)
        }
        return read
    }

    /// The named column's text in the form `T` keeps it in, or nil for NULL.
    func callAsFunction<T: SQLTextForm>(_ name: String) throws -> T? {
        let value = try row.value(name, from: source)
        if case .null = value { return nil }
        guard case .text(let text) = value, let read = T(sqlText: text) else {
            throw source.wrongValue(name, holds: value, expected: "\(T.sqlDescription) or NULL")
        }
        return read
    }

    /// The named column's value as stored, for a copy that keeps it so.
    func value(_ name: String) throws -> SQLValue {
        try row.value(name, from: source)
    }

    /// The error for a column whose value, read, is not one the record can stand for (a kind of
    /// moderation that is neither a requirement nor a standard).
    func wrongValue(_ name: String, holds value: SQLValue, expected: String) -> StoreFailure {
        source.wrongValue(name, holds: value, expected: expected)
    }
}
