/// The staff confidence survey across a round's organisations: per statement, the partnership's
/// agreement and each sector's, from the organisations whose staff answered in groups large enough
/// to show. An organisation with fewer respondents is counted as left out and adds nothing, so no
/// figure can be worked back to it.
public struct RoundStaffPicture: Sendable {
    /// One statement across the organisations counted.
    public struct Line: Sendable {
        public var statementID: String
        public var text: String
        public var partnership: Proportion
        /// Sector name -> its organisations' figure, for sectors with any organisation counted.
        public var bySector: [String: Proportion]
    }

    public var lines: [Line]
    /// The sectors with an organisation counted, by name.
    public var sectors: [String]
    /// Organisations whose statements are counted, and their respondents.
    public var organisationsCounted: Int
    public var respondentsCounted: Int
    /// Organisations whose staff answered, but too few to show.
    public var organisationsLeftOut: Int

    /// From what the organisations submitted (`BoardScore.snapshot` kept statements only for
    /// groups large enough) and the staff survey's statements, in its order. Nil when no
    /// organisation's staff answered.
    public init?(submitted: [RoundPicture.Submitted], statements: [(id: String, text: String)]) {
        var partnership: [String: Proportion] = [:]
        var bySector: [String: [String: Proportion]] = [:]
        var counted = 0, respondents = 0, leftOut = 0, answeredAny = false
        for organisation in submitted {
            guard let survey = organisation.scores.first(where: { $0.kind == .staffSurvey }) else { continue }
            answeredAny = true
            let figures = organisation.scores.compactMap { score in score.staffFigure.map { (score.scopeID, $0) } }
            guard !figures.isEmpty else { leftOut += 1; continue }
            counted += 1
            respondents += survey.answered ?? 0
            for (id, figure) in figures {
                partnership[id, default: Proportion(count: 0, total: 0)].add(figure)
                bySector[organisation.sector, default: [:]][id, default: Proportion(count: 0, total: 0)].add(figure)
            }
        }
        guard answeredAny else { return nil }
        lines = statements.compactMap { statement in
            partnership[statement.id].map { figure in
                Line(statementID: statement.id, text: statement.text, partnership: figure,
                     bySector: bySector.compactMapValues { $0[statement.id] })
            }
        }
        sectors = bySector.keys.sorted { $0.lowercased() < $1.lowercased() }
        organisationsCounted = counted
        respondentsCounted = respondents
        organisationsLeftOut = leftOut
    }
}

extension Proportion {
    /// Adds another group's count and total.
    mutating func add(_ other: Proportion) {
        count += other.count
        total += other.total
    }
}
