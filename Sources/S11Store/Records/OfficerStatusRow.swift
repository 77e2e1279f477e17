import S11Core

/// An officer's row with whether they have a link and their answers counted (given and still
/// carried from last year): the officers' statuses, as one query reads them.
struct OfficerStatusRow: SQLRecord {
    var status: OfficerStatus

    init(_ row: SQLRow) throws {
        let officer = try OfficerRow(row)
        let columns = RowColumns(row, query: "the officers' statuses")
        status = OfficerStatus(officer: officer.officer, status: officer.status, submittedAt: officer.submittedAt,
                               invited: try columns("invited"), answered: try columns("answered"), carried: try columns("carried"))
    }
}
