import S11Core

/// A row of the boardScore table: one line of what the board holds for an audit.
struct BoardScoreRow: SQLRecord {
    var auditID: Int64
    var score: BoardScore

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "boardScore")
        auditID = try columns("auditID")
        score = BoardScore(kind: try columns("kind"), scopeID: try columns("scopeID"), percent: try columns("percent"),
                           rag: try columns("rag"), moderated: try columns("moderated"), moderatedPercent: try columns("moderatedPercent"),
                           isGap: try columns("isGap"), answered: try columns("answered"), agreeing: try columns("agreeing"))
    }
}
