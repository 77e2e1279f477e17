import S11Core

/// A row of the officer table in the core's terms: the one place its columns are read.
struct OfficerRow: Sendable {
    var id: Int64
    var auditID: Int64
    var officer: Officer
    var status: ReturnStatus
    var submittedAt: String?

    init(_ row: SQLRow) {
        id = row["id"]
        auditID = row["auditID"]
        officer = Officer(name: row["name"], email: row["email"], role: row["role"], serviceArea: row["serviceArea"])
        status = ReturnStatus(rawValue: row["status"]) ?? .notStarted
        submittedAt = row["submittedAt"]
    }
}
