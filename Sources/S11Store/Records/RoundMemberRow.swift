/// A row of the roundMember table, as far as whether the board holds the self-assessment: when
/// its lead submitted it, nil when not submitted or since returned.
struct RoundMemberRow: SQLRecord {
    var submittedAt: String?

    init(_ row: SQLRow) throws {
        submittedAt = try RowColumns(row, table: "roundMember")("submittedAt")
    }
}
