import Foundation

/// A row of the roundCrosswalk table: a crosswalk file as the round was opened with it.
struct RoundCrosswalkRow: SQLRecord {
    var crosswalkID: String
    var body: Data

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "roundCrosswalk")
        crosswalkID = try columns("crosswalkID")
        body = try columns("body")
    }
}
