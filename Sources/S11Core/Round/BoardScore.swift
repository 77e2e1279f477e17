/// One line of what the board received when an organisation submitted: its overall rating, or a
/// standard's or requirement's, self-assessed and moderated, and whether the requirement is a gap.
/// Kept as submitted, so the board's dashboard reads thousands of organisations without scoring them again.
public struct BoardScore: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case overall, standard, requirement
        /// The staff survey: how many answered it (`answered`), and nothing else.
        case staffSurvey
        /// A staff statement: how many of those who answered it agreed. Kept only for an
        /// organisation with at least the survey's smallest group of respondents.
        case staffStatement
    }

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
    /// For the staff survey, how many answered it; for a staff statement, how many answered it.
    public var answered: Int? = nil
    /// For a staff statement, how many of them agreed.
    public var agreeing: Int? = nil

    /// A staff statement's figure: agreeing out of answered.
    public var staffFigure: Proportion? {
        guard kind == .staffStatement, let answered, let agreeing else { return nil }
        return Proportion(count: agreeing, total: answered)
    }

    public init(kind: Kind, scopeID: String, percent: Double?, rag: Rag?, moderated: Rag?, moderatedPercent: Double? = nil, isGap: Bool,
                answered: Int? = nil, agreeing: Int? = nil) {
        self.answered = answered
        self.agreeing = agreeing
        self.kind = kind
        self.scopeID = scopeID
        self.percent = percent
        self.rag = rag
        self.moderated = moderated
        self.moderatedPercent = moderatedPercent
        self.isGap = isGap
    }

    /// The board's lines from an organisation's scorecard and gaps, and its staff survey results:
    /// how many answered, and each statement's agreement only when at least the smallest group
    /// the survey shows answered it, so that a small organisation's staff cannot be picked out.
    public static func snapshot(_ card: Scorecard, gaps: [Gap], staff: StaffResults? = nil) -> [BoardScore] {
        let gapIDs = Set(gaps.map(\.requirementID))
        let staffLines = staff.map { results in
            [BoardScore(kind: .staffSurvey, scopeID: "", percent: nil, rag: nil, moderated: nil, isGap: false, answered: results.respondents)]
                + (results.respondents < results.minimumGroup ? [] : results.statements.compactMap { statement in
                    statement.overall.agreeing.map {
                        BoardScore(kind: .staffStatement, scopeID: statement.statementID, percent: $0.percent, rag: nil, moderated: nil,
                                   isGap: statement.isGap, answered: $0.total, agreeing: $0.count)
                    }
                })
        } ?? []
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
            } + staffLines
    }

    /// An overall line of which only the percentage the board goes by is known (last year's, for the movement).
    public static func overall(boardPercent: Double) -> BoardScore {
        BoardScore(kind: .overall, scopeID: "", percent: boardPercent, rag: nil, moderated: nil, isGap: false)
    }

    /// The self-assessed percentage and band.
    public var rating: Rating { Rating(percent: percent, rag: rag) }

    /// The moderated band in words, with its percentage where the panel scored on the scale: "66.7% Amber".
    public var moderatedText: String? {
        moderated.map { rag in (moderatedPercent.map { "\(PercentText.format($0))% " } ?? "") + rag.label }
    }

    /// The percentage the board goes by: the moderated one where the panel scored on the scale.
    public var boardPercent: Double? { moderatedPercent ?? percent }

    /// The band the board goes by: the moderated one where there is one.
    public var effectiveRag: Rag? { moderated ?? rag }
}

extension BoardScore {
    /// For a heatmap's narrow cell: the band the board goes by as its initial and the whole
    /// percentage it goes by, "A 67", marked "*" where the board moderated it ("R 45*").
    public var compactText: String {
        let band = effectiveRag?.initial
        let percent = boardPercent.map { String(Int($0.rounded())) }
        return [band, percent].compactMap { $0 }.joined(separator: " ") + (moderated != nil ? "*" : "")
    }

    /// In words, for whoever cannot see the colours or the short form: "66.9% Amber", or
    /// "moderated 45% Red; self-assessed 66.9% Amber".
    public var spokenText: String {
        moderatedText.map { "moderated \($0); self-assessed \(rating.text)" } ?? rating.text
    }
}
