import S11Core

/// A row of the officer table in the core's terms: the one place its columns are read.
struct OfficerRow: SQLRecord, Sendable {
    var id: Int64
    var auditID: Int64
    var officer: Officer
    var status: ReturnStatus
    var submittedAt: String?

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "officer")
        id = try columns("id")
        auditID = try columns("auditID")
        officer = Officer(name: try columns("name"), email: try columns("email"), role: try columns("role"),
                          serviceArea: try columns("serviceArea"))
        status = try columns("status")
        submittedAt = try columns("submittedAt")
    }
}
