import S11Core

/// A row of the staffImportBatch table: one staff survey file as it was imported.
struct StaffImportBatchRow: SQLRecord {
    var batch: StaffImportBatch

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "staffImportBatch")
        batch = StaffImportBatch(id: try columns("id"), auditID: try columns("auditID"), fileName: try columns("fileName"),
                                 sha256: try columns("sha256"), answerSets: try columns("answerSets"),
                                 importedOn: try columns("importedOn"), importedBy: try columns("importedBy"))
    }
}
