/// An officer's row with whether they have a link already, as issuing invitations reads them.
struct InvitedOfficerRow: SQLRecord {
    var officer: OfficerRow
    var invited: Bool

    init(_ row: SQLRow) throws {
        officer = try OfficerRow(row)
        invited = try RowColumns(row, query: "the officers with their links")("invited")
    }
}
