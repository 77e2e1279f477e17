/// The page a board reads first, in every format of the plan: the period, owner and version; the
/// results by standard, worst first (Red before Amber, then the lower percentage), the moderated
/// band beside the self rating; up to five priorities, each an objective of the plan with why; and
/// the key influences, the plan's own list.
public struct PlanSummary: Sendable {
    /// One priority as the board reads it: the objective's id and title, and why.
    public struct Priority: Sendable, Hashable {
        public var objectiveID: String
        public var title: String
        public var why: String
    }

    public var period: String
    public var owner: String?
    public var version: String
    /// The audit's figures in words, "9 returns to the 2026 self-assessment audit; overall 75.1% Green.", when the plan has results.
    public var resultsLine: String?
    public var standards: [StandardResult]
    public var priorities: [Priority]
    public var keyInfluences: [String]

    public init(_ plan: Plan) {
        period = "\(plan.periodStart.spelledOut) to \(plan.periodEnd.spelledOut)"
        owner = plan.documentControl.owner
        version = plan.documentControl.version ?? "as published"
        resultsLine = plan.results.map { "\(Counted($0.returns, "return")) to the \(plan.auditYear) self-assessment audit; overall \($0.overall.text)." }
        standards = Self.worstFirst(plan.results?.standards ?? [])
        let objectives = plan.objectives
        priorities = plan.priorities.compactMap { priority in
            objectives.first { $0.id == priority.objectiveID }.map { Priority(objectiveID: $0.id, title: $0.title, why: priority.why) }
        }
        keyInfluences = plan.documentControl.keyInfluences
    }

    /// The band a standard stands at: the moderated one where the board moderated it, else its own.
    public static func band(_ standard: StandardResult) -> Rag? { standard.moderated ?? standard.rating.rag }

    /// Red first, then Amber, Green, Blue, unrated last; within a band the lower percentage, then the catalogue's order.
    static func worstFirst(_ standards: [StandardResult]) -> [StandardResult] {
        func severity(_ standard: StandardResult) -> Int { band(standard).map { -Rag.allCases.firstIndex(of: $0)! } ?? 1 }
        func percent(_ standard: StandardResult) -> Double { standard.moderatedPercent ?? standard.rating.percent ?? 101 }
        return standards.enumerated().sorted { a, b in
            (severity(a.element), percent(a.element), a.offset) < (severity(b.element), percent(b.element), b.offset)
        }.map(\.element)
    }

    public static let title = "Summary for the board"
    public static let prioritiesTitle = "Priorities"
    public static let resultsTitle = "Results by standard, worst first"
}
