import Foundation
import S11Core

/// A row of the staffResponse table (schema v4 to v7: a staff answer set as JSON), read once by
/// the migration that packs them by codebook; its key and day are copied as stored.
struct StaffResponseRow: SQLRecord {
    var auditID: Int64
    var key: SQLValue
    var day: SQLValue
    var response: StaffResponse

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "staffResponse")
        auditID = try columns("auditID")
        key = try columns.value("id")
        day = try columns.value("submittedOn")
        let decoder = JSONDecoder()
        response = StaffResponse(profile: try decoder.decode([String: String].self, from: Data((try columns("profile") as String).utf8)),
                                 answers: try decoder.decode([String: String].self, from: Data((try columns("answers") as String).utf8)))
    }
}
