/// What an officer will do to improve where their answer falls short, in their own words: the
/// return's "What will you do to improve, who will lead it, by when, and how will we know?" The
/// drafted plan takes it as an action, with the officer's measure where they gave one.
public struct Improvement: Sendable, Hashable, Codable {
    public var action: String
    /// Who will lead it; the officer when not given.
    public var lead: String?
    /// By when, in words ("June 2027", "Quarterly meetings").
    public var by: String?
    /// How we will know it worked ("Every contract meeting minutes safeguarding"): the plan's measure.
    public var measure: String?

    /// Nil when no action is written: a lead, a date or a measure alone proposes nothing.
    public init?(action: String?, lead: String? = nil, by: String? = nil, measure: String? = nil) {
        guard let action = Answer.clean(action) else { return nil }
        self.action = action
        self.lead = Answer.clean(lead)
        self.by = Answer.clean(by)
        self.measure = Answer.clean(measure)
    }
}
