/// One line of what the board received when an organisation submitted: its overall rating, or a
/// standard's or requirement's, self-assessed and moderated, and whether the requirement is a gap.
/// Kept as submitted, so the board's dashboard reads thousands of organisations without scoring them again.
public struct BoardScore: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case overall, standard, requirement }

    public var kind: Kind
    /// The standard's or requirement's id; empty for the overall line.
    public var scopeID: String
    public var percent: Double?
    public var rag: Rag?
    /// The moderated band: the panel's own, or that of the moderated percentage.
    public var moderated: Rag?
    /// The percentage with the panel's scores in place of the self scores, where any were scored.
    public var moderatedPercent: Double?
    /// For a requirement: the gap finder found a gap in it.
    public var isGap: Bool

    public init(kind: Kind, scopeID: String, percent: Double?, rag: Rag?, moderated: Rag?, moderatedPercent: Double? = nil, isGap: Bool) {
        self.kind = kind
        self.scopeID = scopeID
        self.percent = percent
        self.rag = rag
        self.moderated = moderated
        self.moderatedPercent = moderatedPercent
        self.isGap = isGap
    }

    /// The board's lines from an organisation's scorecard and gaps.
    public static func snapshot(_ card: Scorecard, gaps: [Gap]) -> [BoardScore] {
        let gapIDs = Set(gaps.map(\.requirementID))
        return [BoardScore(kind: .overall, scopeID: "", percent: card.overall.percent, rag: card.overall.rag,
                           moderated: card.moderatedOverall?.rag, moderatedPercent: card.moderatedOverall?.percent, isGap: false)]
            + card.standards.flatMap { standard in
                [BoardScore(kind: .standard, scopeID: standard.standardID, percent: standard.rating.percent, rag: standard.rating.rag,
                            moderated: standard.moderation?.rag ?? standard.moderatedRating?.rag,
                            moderatedPercent: standard.moderatedRating?.percent, isGap: false)]
                    + standard.requirements.map { requirement in
                        BoardScore(kind: .requirement, scopeID: requirement.requirementID, percent: requirement.rating.percent,
                                   rag: requirement.rating.rag, moderated: requirement.moderation?.rag,
                                   moderatedPercent: requirement.moderatedRating?.percent, isGap: gapIDs.contains(requirement.requirementID))
                    }
            }
    }

    /// The band the board goes by: the moderated one where there is one.
    public var effectiveRag: Rag? { moderated ?? rag }
}
