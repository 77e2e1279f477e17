import S11Core

/// A row of the round table: a board's round.
struct RoundRow: SQLRecord {
    var round: BoardRound

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "round")
        round = BoardRound(id: try columns("id"), board: try columns("board"), year: try columns("year"), deadline: try columns("deadline"),
                           openedAt: try columns("openedAt"), openedBy: try columns("openedBy"))
    }
}
