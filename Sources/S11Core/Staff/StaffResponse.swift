/// One anonymous staff confidence answer set. It holds only the answers, the two profile choices
/// and the day: never a name, e-mail, respondent id, IP address or time of day.
public struct StaffResponse: Sendable, Hashable, Codable {
    /// Profile choice id (`service-area`, `role`) -> option value.
    public var profile: [String: String]
    /// Statement id -> scale option value; a statement left blank is absent.
    public var answers: [String: String]
    /// The day only, kept for retention and year-on-year comparison.
    public var submittedOn: CalendarDate?

    public init(profile: [String: String], answers: [String: String], submittedOn: CalendarDate? = nil) {
        self.profile = profile
        self.answers = answers
        self.submittedOn = submittedOn
    }
}
