import S11Core

/// A row of the keptForm table: where a form was posted and what it held.
struct KeptFormRow: SQLRecord {
    var form: KeptForm

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "keptForm")
        form = KeptForm(path: try columns("path"), body: try columns("body"))
    }
}
