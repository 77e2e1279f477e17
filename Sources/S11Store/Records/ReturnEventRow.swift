import S11Core

/// A row of the returnEvent table: one step in an officer's return.
struct ReturnEventRow: SQLRecord {
    var event: ReturnEvent

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "returnEvent")
        event = ReturnEvent(kind: try columns("kind"), at: try columns("at"), by: try columns("by"), note: try columns("note"))
    }
}
