import S11Core

/// What an organisation submitted overall: its boardScore row of kind overall, with the
/// organisation's name from its audit.
struct BoardOverallRow: SQLRecord {
    var organisation: String
    var score: BoardScore

    init(_ row: SQLRow) throws {
        score = try BoardScoreRow(row).score
        organisation = try RowColumns(row, table: "audit")("organisation")
    }
}
