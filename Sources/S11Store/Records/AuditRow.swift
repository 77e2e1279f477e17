import S11Core

/// A row of the audit table: the audit, and when its returns are due and whom officers ask.
struct AuditRow: SQLRecord {
    var audit: AuditRecord
    var deadline: CalendarDate?
    var contact: String?

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "audit")
        audit = AuditRecord(id: try columns("id"), organisation: try columns("organisation"), year: try columns("year"),
                            openedAt: try columns("openedAt"))
        deadline = try columns("deadline")
        contact = try columns("contact")
    }
}
