/// A return on one catalogue read by another board in its own catalogue's terms, through a
/// crosswalk: each of the reading catalogue's requirements takes the mean of the requirements
/// mapped onto it (as the organisation submitted them to its own board), and one that nothing
/// maps onto, or whose sources are all unrated, is not answered. Bands are the reading board's
/// thresholds, never better than the best band of the sources (an evidence cap on the organisation's
/// own rating carries over). Standards are the weighted mean of their answered requirements, the
/// whole the mean of the standards, as the scorer does; moderated figures are carried the same way.
public struct CrosswalkReading: Sendable {
    /// A requirement of the answered catalogue mapped onto a line, with what was submitted for it.
    public struct Source: Sendable {
        public var mapping: Crosswalk.Mapping
        public var score: BoardScore?
    }

    /// One requirement of the reading catalogue.
    public struct Line: Sendable {
        public var requirementID: String
        public var standardID: String
        public var statement: String
        public var sources: [Source]
        public var score: BoardScore
        /// The reading board's own moderation of it, if any.
        public var moderation: Moderation?

        /// Something mapped onto it was rated.
        public var isAnswered: Bool { score.percent != nil }
    }

    public var crosswalk: Crosswalk
    /// Every requirement of the reading catalogue, in its order.
    public var lines: [Line]
    /// What the reading board holds, in its own terms: overall, standards, requirements, then the staff lines as submitted.
    public var boardScores: [BoardScore]
    /// The reading board's own moderations of its standards, by id.
    public var standardModerations: [String: Moderation]

    /// The requirements nothing answers.
    public var notAnswered: [Line] { lines.filter { !$0.isAnswered } }

    /// `submitted` is what the organisation submitted to its own board (`BoardScore.snapshot`) on
    /// the crosswalk's answered catalogue; `catalogue` and `bands` are the reading board's, and
    /// `moderations` its own panel's, in its terms: a band, and for a score on its scale the
    /// score's percentage, which takes the place of the mapped one in the moderated figures.
    public init(submitted: [BoardScore], crosswalk: Crosswalk, catalogue: Catalogue, bands: [BandRule],
                moderations: [(moderation: Moderation, percent: Double?)] = []) {
        let moderated = Dictionary(moderations.map { ($0.moderation.scope, $0) }, uniquingKeysWith: { a, _ in a })
        self.crosswalk = crosswalk
        let held = Dictionary(submitted.filter { $0.kind == .requirement }.map { ($0.scopeID, $0) }, uniquingKeysWith: { a, _ in a })
        func band(_ percent: Double?, best: Rag?) -> Rag? {
            guard let percent else { return nil }
            let byThreshold = bands.first { percent >= $0.minPercent - 1e-9 }?.rag ?? bands.last?.rag ?? .red
            return best.map { Swift.max(byThreshold, $0) } ?? byThreshold
        }
        func mean(_ values: [(Double, Double)]) -> Double? {            // (value, weight)
            let weight = values.map(\.1).reduce(0, +)
            return weight > 0 ? values.map { $0.0 * $0.1 }.reduce(0, +) / weight : nil
        }
        var lines: [Line] = []
        var standardScores: [BoardScore] = []
        var requirementScores: [String: [BoardScore]] = [:]
        for standard in catalogue.standards {
            var parts: [(percent: Double?, moderated: Double?, weight: Double, rag: Rag?, effective: Rag?, isModerated: Bool)] = []
            for requirement in standard.requirements {
                let sources = crosswalk.sources(of: requirement.id).map { Source(mapping: $0, score: held[$0.from]) }
                let rated = sources.compactMap(\.score).filter { $0.percent != nil }
                let percent = mean(rated.map { ($0.percent!, 1) })
                let own = moderated[.requirement(requirement.id)]
                let isModerated = own != nil || rated.contains { $0.moderated != nil || $0.moderatedPercent != nil }
                let moderatedPercent = own?.percent ?? (isModerated ? mean(rated.map { ($0.boardPercent!, 1) }) : nil)
                let rag = band(percent, best: rated.compactMap(\.rag).min())
                let moderated = own?.moderation.rag ?? (isModerated ? band(moderatedPercent, best: rated.compactMap(\.effectiveRag).min()) : nil)
                let score = BoardScore(kind: .requirement, scopeID: requirement.id, percent: percent, rag: rag, moderated: moderated,
                                       moderatedPercent: moderatedPercent,
                                       isGap: sources.contains { $0.score?.isGap == true } || (moderated ?? rag)?.isGap == true)
                lines.append(Line(requirementID: requirement.id, standardID: standard.id, statement: requirement.statement, sources: sources, score: score,
                                  moderation: own?.moderation))
                requirementScores[standard.id, default: []].append(score)
                parts.append((percent, moderatedPercent ?? percent, requirement.weight, rag, moderated ?? rag, isModerated))
            }
            let answered = parts.filter { $0.percent != nil }
            let percent = mean(answered.map { ($0.percent!, $0.weight) })
            let own = moderated[.standard(standard.id)]?.moderation.rag
            let isModerated = answered.contains { $0.isModerated }
            let moderatedPercent = isModerated ? mean(answered.map { ($0.moderated!, $0.weight) }) : nil
            standardScores.append(BoardScore(kind: .standard, scopeID: standard.id, percent: percent,
                                             rag: band(percent, best: answered.compactMap(\.rag).min()),
                                             moderated: own ?? (isModerated ? band(moderatedPercent, best: answered.compactMap(\.effective).min()) : nil),
                                             moderatedPercent: moderatedPercent, isGap: false))
        }
        let rated = standardScores.filter { $0.percent != nil }
        let overallPercent = mean(rated.map { ($0.percent!, 1) })
        let overallModerated = rated.contains { $0.moderated != nil } ? mean(rated.map { ($0.boardPercent!, 1) }) : nil
        let overall = BoardScore(kind: .overall, scopeID: "", percent: overallPercent, rag: band(overallPercent, best: nil),
                                 moderated: overallModerated.flatMap { band($0, best: nil) }, moderatedPercent: overallModerated, isGap: false)
        self.lines = lines
        standardModerations = Dictionary(moderations.compactMap { item -> (String, Moderation)? in
            if case .standard(let id) = item.moderation.scope { (id, item.moderation) } else { nil }
        }, uniquingKeysWith: { a, _ in a })
        boardScores = [overall] + standardScores.flatMap { [$0] + (requirementScores[$0.scopeID] ?? []) }
            + submitted.filter { $0.kind == .staffSurvey || $0.kind == .staffStatement }
    }

    /// The reading as a scorecard in the reading board's terms (no officers' answers, which stay
    /// with the organisation's own board), for drafting the board's plan with the same drafter.
    public func scorecard(organisation: String, year: Int, returns: Int, catalogue: Catalogue) -> Scorecard {
        func rating(_ score: BoardScore?) -> Rating { Rating(percent: score?.percent, rag: score?.rag) }
        func moderated(_ score: BoardScore?) -> Rating? { score?.moderatedPercent.map { Rating(percent: $0, rag: score?.moderated) } }
        let standards = catalogue.standards.map { standard in
            let score = boardScores.first { $0.kind == .standard && $0.scopeID == standard.id }
            let requirements = lines.filter { $0.standardID == standard.id }.map { line in
                RequirementScore(requirementID: line.requirementID, standardID: line.standardID, statement: line.statement,
                                 weight: catalogue.requirement(line.requirementID)?.weight ?? 1, answers: [], rating: rating(line.score), spread: 0,
                                 moderation: line.moderation, moderatedRating: moderated(line.score))
            }
            return StandardScore(standardID: standard.id, number: standard.number, title: standard.title, rating: rating(score),
                                 requirements: requirements, moderation: standardModerations[standard.id], moderatedRating: moderated(score))
        }
        var card = Scorecard(organisation: organisation, year: year, catalogueID: catalogue.id, catalogueVersion: catalogue.version, returns: returns,
                             overall: rating(boardScores.first { $0.kind == .overall }), standards: standards, serviceAreas: [])
        card.moderatedOverall = moderated(boardScores.first { $0.kind == .overall })
        return card
    }

    /// The requirements the reading board would plan for: those its band, or its own moderation,
    /// puts at Amber or Red (or under a standard it moderated so).
    public var gaps: [Gap] {
        lines.compactMap { line in
            if let moderation = line.moderation ?? standardModerations[line.standardID], moderation.rag.isGap {
                return Gap(requirementID: line.requirementID, standardID: line.standardID, reasons: [.moderated(moderation)], serviceAreas: [])
            }
            guard let band = line.score.effectiveRag, band.isGap else { return nil }
            return Gap(requirementID: line.requirementID, standardID: line.standardID,
                       reasons: [.lowRating(Rating(percent: line.score.boardPercent, rag: band))], serviceAreas: [])
        }
    }
}
