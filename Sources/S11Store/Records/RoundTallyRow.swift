import S11Core

/// A row of the roundTally table: one count of a sector's organisations the board holds in a round.
struct RoundTallyRow: SQLRecord {
    var sector: String
    var key: RoundTally.Key
    var count: Int

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "roundTally")
        sector = try columns("sector")
        let text: String = try columns("tally")
        guard let key = RoundTally.Key(text: text) else { throw StoreError("roundTally holds a count s11 does not keep: '\(text)'") }
        self.key = key
        count = try columns("count")
    }
}
