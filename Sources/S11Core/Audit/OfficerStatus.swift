/// One officer and where their return stands.
public struct OfficerStatus: Sendable, Hashable {
    public var officer: Officer
    public var status: ReturnStatus
    public var submittedAt: String?
    public var invited: Bool
    public var answered: Int
    /// Answers still carried from last year's audit, not yet confirmed or changed by the officer.
    public var carried: Int

    public init(officer: Officer, status: ReturnStatus, submittedAt: String?, invited: Bool, answered: Int, carried: Int) {
        self.officer = officer
        self.status = status
        self.submittedAt = submittedAt
        self.invited = invited
        self.answered = answered
        self.carried = carried
    }
}
