/// A board's round: the year's audit it runs across its member organisations, with a deadline.
public struct BoardRound: Sendable, Hashable {
    public var id: Int64
    public var board: String
    public var year: Int
    public var deadline: CalendarDate
    public var openedAt: String
    public var openedBy: String

    public init(id: Int64, board: String, year: Int, deadline: CalendarDate, openedAt: String, openedBy: String) {
        self.id = id
        self.board = board
        self.year = year
        self.deadline = deadline
        self.openedAt = openedAt
        self.openedBy = openedBy
    }
}
