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

    /// From what the organisations submitted, and the staff survey's statements in its order.
    public init?(submitted: [RoundPicture.Submitted], statements: [(id: String, text: String)]) {
        self.init(bySector: Dictionary(grouping: submitted, by: \.sector).mapValues(RoundTally.init), statements: statements)
    }

    /// From each sector's tally of what its organisations submitted (`BoardScore.snapshot` kept
    /// statements only for groups large enough) and the staff survey's statements, in its order.
    /// Nil when no organisation's staff answered.
    public init?(bySector: [String: RoundTally], statements: [(id: String, text: String)]) {
        let tally = RoundTally.sum(bySector.values)
        guard tally[.staffAnswered] > 0 else { return nil }
        func figure(of tally: RoundTally, _ id: String) -> Proportion? {
            tally[.staffFigures(statementID: id)] == 0 ? nil
                : Proportion(count: tally[.staffAgreeing(statementID: id)], total: tally[.staffAnswering(statementID: id)])
        }
        let counted = bySector.filter { $0.value[.staffCounted] > 0 }
        lines = statements.compactMap { statement in
            figure(of: tally, statement.id).map { partnership in
                Line(statementID: statement.id, text: statement.text, partnership: partnership,
                     bySector: counted.compactMapValues { figure(of: $0, statement.id) })
            }
        }
        sectors = counted.keys.sorted { $0.lowercased() < $1.lowercased() }
        organisationsCounted = tally[.staffCounted]
        respondentsCounted = tally[.staffRespondents]
        organisationsLeftOut = tally[.staffAnswered] - tally[.staffCounted]
    }
}
