import S11Core

/// A row of the coordinatorInvitation table: the lead invited to an organisation's account.
struct CoordinatorInvitationRow: SQLRecord {
    var invited: Coordinator

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "coordinatorInvitation")
        invited = Coordinator(email: try columns("email"), organisation: try columns("organisation") as String,
                              displayName: try columns("displayName"))
    }
}
