import S11Core

/// What a row is, as an error about one of its columns names it: a table's row, or a row of a
/// query that joins or counts. Each record type says which it reads.
enum SQLRowSource: Sendable {
    /// A row of the table so named ("officer").
    case table(String)
    /// A row of a query that is not one table, by what it gives ("the officers' statuses").
    case query(String)

    /// The error for a column the row does not have.
    func missing(_ column: String) -> StoreFailure {
        switch self {
        case .table(let name): StoreFailure("the \(name) table has no column '\(column)'")
        case .query(let what): StoreFailure("there is no column '\(column)' in \(what)")
        }
    }

    /// The error for a column whose value is not what the store reads there: `expected` says
    /// what it should hold ("text", "a date (YYYY-MM-DD)").
    func wrongValue(_ column: String, holds value: SQLValue, expected: String) -> StoreFailure {
        let held = "holds \(value.shortDescription), not \(expected)"
        return switch self {
        case .table(let name): StoreFailure("the \(name) table's column '\(column)' \(held)")
        case .query(let what): StoreFailure("the column '\(column)' of \(what) \(held)")
        }
    }
}
