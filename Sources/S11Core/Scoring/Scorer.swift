/// Scores returns against an audit's content. Pure: the same inputs always give the same card.
///
/// - An answer scores its option's place on the scale (lowest 0%, highest 100%); N/A is left out.
/// - A requirement is the mean of its officers' answers.
/// - A standard is the weighted mean of its answered requirements (weights from the catalogue).
/// - A service area and the organisation are the mean of their standards.
/// - The band comes from the survey's RAG bands; a band whose evidence or example rule is not
///   met is capped one band lower, and the card says why.
public struct Scorer: Sendable {
    public var content: AuditContent

    public init(content: AuditContent) { self.content = content }

    /// Scores the returns; `moderations` are set beside the self ratings they moderate. With
    /// `folding`, the card is the one a board sees: each requirement's small service areas folded
    /// (`ServiceAreaFolding`), an area left unnamed out of the service areas' figures.
    public func score(organisation: String, year: Int, officers: [Officer], returns: [OfficerReturn],
                      moderations: [Moderation] = [], folding: ServiceAreaFolding? = nil, attached: AttachedDocuments = .none) -> Scorecard {
        let byEmail = Dictionary(officers.map { ($0.email, $0) }, uniquingKeysWith: { a, _ in a })
        let questionByID = Dictionary(content.selfAssessment.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var answersByRequirement: [String: [ScoredAnswer]] = [:]
        var scoredReturns = 0
        for ret in returns.sorted(by: { $0.officerEmail < $1.officerEmail }) {
            guard let officer = byEmail[ret.officerEmail] else { continue }
            var counted = false
            for answer in ret.answers {
                guard let question = questionByID[answer.questionID],
                      let scored = scoredAnswer(answer, question: question, officer: officer,
                                                documents: attached.mentions(officerEmail: officer.email, questionID: answer.questionID)) else { continue }
                answersByRequirement[question.requirementID, default: []].append(scored)
                counted = true
            }
            if counted { scoredReturns += 1 }
        }
        if let folding { answersByRequirement = answersByRequirement.mapValues(folding.fold) }

        var standards: [StandardScore] = []
        for standard in content.catalogue.standards {
            let requirements = standard.requirements.map { requirement in
                var score = requirementScore(requirement, standardID: standard.id, answers: answersByRequirement[requirement.id] ?? [])
                score.moderation = moderations.last { $0.scope == .requirement(requirement.id) }
                score.moderatedRating = score.moderation?.option.flatMap { moderatedRating(requirementID: requirement.id, option: $0) }
                return score
            }
            let rating = combinedRating(requirements.map { ($0.weight, $0.rating.percent, $0.answers) })
            var score = StandardScore(standardID: standard.id, number: standard.number, title: standard.title,
                                      rating: rating, requirements: requirements,
                                      moderation: moderations.last { $0.scope == .standard(standard.id) })
            // The panel's scores replace the self scores they moderate; the rest stand.
            if requirements.contains(where: { $0.moderatedRating != nil }) {
                let parts = requirements.filter { ($0.moderatedRating ?? $0.rating).percent != nil }
                let weight = parts.map(\.weight).reduce(0, +)
                score.moderatedRating = weight > 0
                    ? band(parts.map { $0.weight * ($0.moderatedRating ?? $0.rating).percent! }.reduce(0, +) / weight, groups: [])
                    : .unrated
            }
            standards.append(score)
        }
        let overall = meanRating(standards.map { ($0.rating.percent, $0.requirements.map(\.answers)) })
        var card = Scorecard(organisation: organisation, year: year, catalogueID: content.catalogue.id,
                             catalogueVersion: content.catalogue.version, returns: scoredReturns, overall: overall,
                             standards: standards, serviceAreas: serviceAreaScores(standards))
        if standards.contains(where: { $0.moderatedRating != nil }) {
            let percents = standards.compactMap { ($0.moderatedRating ?? $0.rating).percent }
            card.moderatedOverall = percents.isEmpty ? .unrated : band(percents.reduce(0, +) / Double(percents.count), groups: [])
        }
        return card
    }

    /// What a panel's score on a requirement's own scale comes to: its place on the scale as a
    /// percentage, and that percentage's band (a panel's score is not capped for evidence). Nil
    /// when the requirement or the option is not on the audit's scale.
    public func moderatedRating(requirementID: String, option: String) -> Rating? {
        guard let question = content.selfAssessment.questions.first(where: { $0.requirementID == requirementID }),
              let scale = content.scale(question.scaleID), let chosen = scale.option(option) else { return nil }
        return band(scale.percent(for: chosen), groups: [])
    }

    private func scoredAnswer(_ answer: Answer, question: Question, officer: Officer, documents: [DocumentMention]) -> ScoredAnswer? {
        var option = "", label = "", percent: Double? = nil, isGap = false
        switch answer.choice {
        case .unanswered:
            return nil
        case .notApplicable:
            option = Answer.notApplicableValue
            label = "N/A"
        case .option(let value):
            guard let scale = content.scale(question.scaleID), let chosen = scale.option(value) else { return nil }
            option = value
            label = chosen.label
            percent = scale.percent(for: chosen)
            isGap = chosen.isGap
        }
        return ScoredAnswer(officerName: officer.name, officerEmail: officer.email, serviceArea: officer.serviceArea,
                            option: option, optionLabel: label, percent: percent, isGapOption: isGap,
                            evidence: answer.evidence, example: answer.example, naReason: answer.reason,
                            improvement: answer.improvement, documents: documents)
    }

    private func requirementScore(_ requirement: Requirement, standardID: String, answers: [ScoredAnswer]) -> RequirementScore {
        let counted = answers.compactMap(\.percent)
        let percent = counted.isEmpty ? nil : counted.reduce(0, +) / Double(counted.count)
        var spread = 0
        if let question = content.selfAssessment.questions.first(where: { $0.requirementID == requirement.id }),
           let scale = content.scale(question.scaleID) {
            let options = answers.compactMap { scale.option($0.option) }
            if let low = options.min(by: { $0.score < $1.score }), let high = options.max(by: { $0.score < $1.score }) {
                spread = scale.levelsBetween(low, high)
            }
        }
        return RequirementScore(requirementID: requirement.id, standardID: standardID, statement: requirement.statement,
                                weight: requirement.weight, answers: answers,
                                rating: band(percent, groups: [answers]), spread: spread)
    }

    /// Weighted mean of the parts that have a percentage.
    private func combinedRating(_ parts: [(weight: Double, percent: Double?, answers: [ScoredAnswer])]) -> Rating {
        let rated = parts.filter { $0.percent != nil }
        let totalWeight = rated.map(\.weight).reduce(0, +)
        guard totalWeight > 0 else { return .unrated }
        let percent = rated.map { $0.weight * $0.percent! }.reduce(0, +) / totalWeight
        return band(percent, groups: parts.map(\.answers))
    }

    /// Plain mean of the parts that have a percentage.
    private func meanRating(_ parts: [(percent: Double?, groups: [[ScoredAnswer]])]) -> Rating {
        let rated = parts.compactMap(\.percent)
        guard !rated.isEmpty else { return .unrated }
        return band(rated.reduce(0, +) / Double(rated.count), groups: parts.flatMap(\.groups))
    }

    private func serviceAreaScores(_ standards: [StandardScore]) -> [ServiceAreaScore] {
        let areas = Set(standards.flatMap { $0.requirements.flatMap { $0.answers.map(\.serviceArea) } }).subtracting([""]).sorted()
        return areas.map { area in
            var perStandard: [String: Rating] = [:]
            var parts: [(percent: Double?, groups: [[ScoredAnswer]])] = []
            for standard in standards {
                let requirements = standard.requirements.map { requirement -> (Double, Double?, [ScoredAnswer]) in
                    let mine = requirement.answers.filter { $0.serviceArea == area }
                    let counted = mine.compactMap(\.percent)
                    return (requirement.weight, counted.isEmpty ? nil : counted.reduce(0, +) / Double(counted.count), mine)
                }
                guard requirements.contains(where: { !$0.2.isEmpty }) else { continue }
                let rating = combinedRating(requirements)
                perStandard[standard.standardID] = rating
                parts.append((rating.percent, requirements.map(\.2)))
            }
            return ServiceAreaScore(serviceArea: area, overall: meanRating(parts), standards: perStandard)
        }
    }

    /// The band for a percentage, capped one band lower when the scope's answers lack the
    /// evidence or best-practice example the band needs. `groups` holds one list of answers per requirement.
    func band(_ percent: Double?, groups: [[ScoredAnswer]]) -> Rating {
        guard let percent else { return .unrated }
        let bands = content.bands
        guard let index = bands.firstIndex(where: { percent >= $0.minPercent - 1e-9 }) else {
            return Rating(percent: percent, rag: bands.last?.rag ?? .red)
        }
        let rule = bands[index]
        let counted = groups.map { $0.filter { !$0.isNotApplicable } }.filter { !$0.isEmpty }
        var missing: [String] = []
        let answers = counted.flatMap { $0 }
        let evidenced = answers.filter { $0.evidence != nil }.count
        if rule.minEvidencePercent > 0, !answers.isEmpty,
           Double(evidenced) * 100 < rule.minEvidencePercent * Double(answers.count) - 1e-9 {
            missing.append(rule.minEvidencePercent >= 100 ? "not every answer gives evidence"
                : "\(evidenced) of \(answers.count) answers give evidence (\(rule.rag.label) needs \(PercentText.format(rule.minEvidencePercent))%)")
        }
        // An attached document counts as the example.
        if rule.needsExample && counted.contains(where: { !$0.contains { $0.example != nil || !$0.documents.isEmpty } }) {
            missing.append("no best-practice example")
        }
        guard !missing.isEmpty, index + 1 < bands.count else { return Rating(percent: percent, rag: rule.rag) }
        let lower = bands[index + 1].rag
        return Rating(percent: percent, rag: lower,
                      capped: "\(rule.rag.label) capped to \(lower.label): \(missing.joined(separator: " and "))")
    }
}
