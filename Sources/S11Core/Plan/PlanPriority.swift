/// One of the plan's priorities for the board: an objective, and why it comes first.
public struct PlanPriority: Sendable, Hashable, Codable {
    /// The objective's id in the plan ("O4").
    public var objectiveID: String
    /// Why, in a sentence ("Red at 38%: two of the four service areas that answer it do not meet it.").
    public var why: String

    public init(objectiveID: String, why: String) {
        self.objectiveID = objectiveID
        self.why = why
    }
}
