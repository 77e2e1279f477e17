/// A value read from one row of a query's result, each column it needs read once: a table's row
/// (`OfficerRow`), or the row of a query that joins or counts (`OfficerStatusRow`). A column
/// missing, or holding what the record does not read there, is a thrown `StoreFailure` naming the
/// table (or query) and the column.
protocol SQLRecord {
    init(_ row: SQLRow) throws
}
