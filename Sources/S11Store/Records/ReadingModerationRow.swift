import S11Core

/// A row of the readingModeration table: a reading board's own moderation of a return it reads
/// through a crosswalk.
struct ReadingModerationRow: SQLRecord {
    var auditID: Int64
    var moderation: Moderation

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "readingModeration")
        auditID = try columns("auditID")
        moderation = Moderation(scope: try columns.scope(), rag: try columns("rag"), option: try columns("option"),
                                reason: try columns("reason"), by: try columns("byName"), at: try columns("at"))
    }
}
