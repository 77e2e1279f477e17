/// Where an officer's return stands.
public enum ReturnStatus: String, Sendable, Codable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case submitted

    public var label: String {
        switch self {
        case .notStarted: return "not started"
        case .inProgress: return "in progress"
        case .submitted: return "submitted"
        }
    }
}
