import S11Core

/// A row of the moderation table: a moderated rating in force.
struct ModerationRow: SQLRecord {
    var moderation: Moderation

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "moderation")
        moderation = Moderation(scope: try columns.scope(), rag: try columns("rag"), option: try columns("option"),
                                reason: try columns("reason"), by: try columns("byName"), at: try columns("at"))
    }
}
