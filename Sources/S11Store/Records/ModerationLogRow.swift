import S11Core

/// A row of the moderationLog table: one line of the moderation audit trail.
struct ModerationLogRow: SQLRecord {
    var change: ModerationChange

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "moderationLog")
        change = ModerationChange(scope: try columns.scope(), old: try columns("oldRag"), new: try columns("newRag"),
                                  oldOption: try columns("oldOption"), newOption: try columns("newOption"),
                                  reason: try columns("reason"), by: try columns("byName"), at: try columns("at"))
    }
}
