/// Where a member organisation's audit stands in the board's round.
public enum RoundStage: String, Sendable, Hashable, CaseIterable {
    /// No officer has started a return.
    case notStarted = "not started"
    /// Returns are under way, or all in, and the organisation has not yet submitted to the board.
    case inProgress = "in progress"
    /// The organisation's lead has submitted the self-assessment to the board, which holds it.
    case submitted = "submitted to the board"
    /// The deadline has passed and the organisation has not submitted.
    case overdue

    /// The stage from what the store knows: whether any officer has started or submitted, whether
    /// the organisation has submitted to the board, and the deadline against today.
    public static func of(started: Bool, submittedToBoard: Bool, deadline: CalendarDate, today: CalendarDate) -> RoundStage {
        if submittedToBoard { return .submitted }
        if today > deadline { return .overdue }
        return started ? .inProgress : .notStarted
    }
}
