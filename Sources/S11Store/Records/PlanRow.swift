/// The key of a row of the plan table: whose plan and for which audit year. (A plan's body, its
/// JSON, is read alone where one plan is wanted.)
struct PlanRow: SQLRecord {
    var organisation: String
    var year: Int

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "plan")
        organisation = try columns("organisation")
        year = try columns("year")
    }
}
