import S11Core

/// A board's round: the year's audit it runs across its member organisations, with a deadline.
public struct BoardRound: Sendable, Hashable {
    public var id: Int64
    public var board: String
    public var year: Int
    public var deadline: CalendarDate
    public var openedAt: String
    public var openedBy: String

    init(_ row: SQLRow) {
        id = row["id"]
        board = row["board"]
        year = row["year"]
        deadline = CalendarDate(iso: row["deadline"]) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        openedAt = row["openedAt"]
        openedBy = row["openedBy"]
    }
}
