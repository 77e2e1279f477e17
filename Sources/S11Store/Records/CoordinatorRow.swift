import S11Core

/// A row of the coordinator table, as far as who signs in and what they see (the password hash
/// is read alone, where it is checked).
struct CoordinatorRow: SQLRecord {
    var coordinator: Coordinator

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "coordinator")
        coordinator = Coordinator(email: try columns("email"), organisation: try columns("organisation"), board: try columns("board"),
                                  displayName: try columns("displayName"))
    }
}
