/// What a board narrows its round's organisations to: a stage (moderated counting as its own), a
/// band in any standard as the board holds it, and whether the overall percentage changed since
/// last year's round. An empty filter admits every organisation.
public struct RoundFilter: Sendable, Hashable {
    /// The stages a board filters by: the round's own, and "moderated" for a submitted
    /// self-assessment the board has moderated anywhere.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case overdue
        case submitted
        case moderated

        /// How a person reads it.
        public var label: String {
            switch self {
            case .notStarted: "Not started"
            case .inProgress: "In progress"
            case .overdue: "Overdue"
            case .submitted: "Submitted to the board"
            case .moderated: "Moderated by the board"
            }
        }
    }

    public var stage: Stage?
    public var band: Rag?
    public var changedSinceLastYear: Bool

    public init(stage: Stage? = nil, band: Rag? = nil, changedSinceLastYear: Bool = false) {
        self.stage = stage
        self.band = band
        self.changedSinceLastYear = changedSinceLastYear
    }

    /// Whether the filter narrows anything.
    public var isEmpty: Bool { stage == nil && band == nil && !changedSinceLastYear }

    /// Whether an organisation at `stage`, with what it submitted to the board (nil when the board
    /// holds nothing of it), passes every part of the filter.
    public func admits(stage roundStage: RoundStage, submitted: RoundPicture.Submitted?) -> Bool {
        if let stage, !Self.matches(stage, roundStage, submitted) { return false }
        if let band, submitted?.hasStandard(in: band) != true { return false }
        if changedSinceLastYear, submitted?.changedSinceLastYear != true { return false }
        return true
    }

    /// Whether the filter asks about what the board holds (moderated, a band, changed), which only an organisation held can pass.
    public var narrowsHeld: Bool { stage == .moderated || band != nil || changedSinceLastYear }

    /// Whether an organisation at `stage` passes the filter, where whether the board holds it and
    /// the filter's other parts admit what it holds (a band, moderated, changed) was decided
    /// elsewhere (`admittedHeld`, true when the filter does not ask).
    public func admits(stage roundStage: RoundStage, admittedHeld: Bool) -> Bool {
        if let stage, !(stage == .moderated ? roundStage == .submitted : Self.matches(stage, roundStage, nil)) { return false }
        return admittedHeld
    }

    private static func matches(_ stage: Stage, _ roundStage: RoundStage, _ submitted: RoundPicture.Submitted?) -> Bool {
        switch stage {
        case .notStarted: roundStage == .notStarted
        case .inProgress: roundStage == .inProgress
        case .overdue: roundStage == .overdue
        case .submitted: roundStage == .submitted
        case .moderated: roundStage == .submitted && submitted?.isModerated == true
        }
    }
}
