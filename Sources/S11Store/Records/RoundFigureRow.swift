import Foundation
import S11Core

/// A row of the roundFigure table: one organisation the board holds in a round, with its lines (as
/// `lines`: those its counts came from, or only its heatmap row's when `cells` is read in their
/// place), and, when read with last year's round joined, its overall there (`lastYear`).
struct RoundFigureRow: SQLRecord {
    var roundID: Int64
    var submitted: RoundPicture.Submitted

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "roundFigure")
        roundID = try columns("roundID")
        let lines: String = try columns("lines")
        let lastYear: Double? = try columns("lastYear")
        submitted = RoundPicture.Submitted(auditID: try columns("auditID"), organisation: try columns("organisation"), sector: try columns("sector"),
                                           scores: try JSONDecoder().decode([BoardScore].self, from: Data(lines.utf8)),
                                           lastYear: lastYear.map(BoardScore.overall(boardPercent:)))
    }
}
