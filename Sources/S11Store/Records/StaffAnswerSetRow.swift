import Foundation
import S11Core

/// A row of the staffAnswerSet table: one anonymous answer set, its random key, its day (as
/// stored) and its codes packed by the audit's codebook.
struct StaffAnswerSetRow: SQLRecord {
    var key: Data
    var day: String?
    var codes: Data

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "staffAnswerSet")
        key = try columns("id")
        day = try columns("submittedOn")
        codes = try columns("codes")
    }

    /// The answer set unpacked by `codebook`; a day that is not a date is an error, not a day lost.
    func response(codebook: StaffCodebook) throws -> StaffResponse {
        var submittedOn: CalendarDate?
        if let day {
            guard let date = CalendarDate(iso: day) else {
                throw SQLRowSource.table("staffAnswerSet").wrongValue("submittedOn", holds: .text(day), expected: CalendarDate.sqlDescription)
            }
            submittedOn = date
        }
        return codebook.unpack(codes, submittedOn: submittedOn)
    }
}
