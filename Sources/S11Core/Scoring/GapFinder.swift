/// Finds the gaps in a scorecard. A requirement is a gap when its band is below Green, when any
/// officer answered with a gap option (every Red or Amber answer needs an action), or when the
/// officers' answers are two scale steps apart or more (inconsistent practice).
///
/// Moderation decides over the self rating: a requirement moderated Amber or Red is a gap and one
/// moderated Green or Blue is not, whatever the answers say; a standard moderated Amber or Red
/// that has no gap of its own gets one at its lowest-rated requirement.
///
/// With staff survey results, a statement below its target or significantly down is a gap of the
/// requirement it maps to (joining that requirement's gap, or making one): staff testing the
/// organisation's own declaration.
public struct GapFinder: Sendable {
    public init() {}

    public func gaps(in card: Scorecard, staff: StaffResults? = nil) -> [Gap] {
        var gaps = ratingGaps(in: card)
        guard let staff else { return gaps }
        for statement in staff.statements where statement.isGap {
            guard let requirementID = statement.requirementID, let requirement = card.requirement(requirementID) else { continue }
            let reason = Gap.Reason.staffConfidence(statementID: statement.statementID, statement: statement.text,
                                                    reasons: statement.gapReasons)
            if let index = gaps.firstIndex(where: { $0.requirementID == requirementID }) {
                gaps[index].reasons.append(reason)
            } else {
                gaps.append(Gap(requirementID: requirementID, standardID: requirement.standardID, reasons: [reason],
                                serviceAreas: Self.areas(requirement.answers)))
            }
        }
        let order = Dictionary(card.requirements.enumerated().map { ($1.requirementID, $0) }, uniquingKeysWith: { a, _ in a })
        return gaps.sorted { (order[$0.requirementID] ?? .max) < (order[$1.requirementID] ?? .max) }
    }

    /// The gaps the officers' answers and moderation make.
    private func ratingGaps(in card: Scorecard) -> [Gap] {
        var gaps: [Gap] = []
        for standard in card.standards {
            var found = standard.requirements.compactMap(gap)
            if found.isEmpty, let moderation = standard.moderation, moderation.rag.isGap,
               let weakest = standard.requirements.min(by: { ($0.rating.percent ?? 101) < ($1.rating.percent ?? 101) }) {
                found = [Gap(requirementID: weakest.requirementID, standardID: standard.standardID,
                             reasons: [.moderated(moderation)], serviceAreas: Self.areas(weakest.answers))]
            }
            gaps += found
        }
        return gaps
    }

    private func gap(_ requirement: RequirementScore) -> Gap? {
        var reasons: [Gap.Reason] = []
        if let rag = requirement.rating.rag, rag.isGap { reasons.append(.lowRating(requirement.rating)) }
        let gapAnswers = requirement.answers.filter(\.isGapOption)
        if !gapAnswers.isEmpty { reasons.append(.gapAnswers(gapAnswers)) }
        if requirement.spread >= 2 { reasons.append(.inconsistentPractice(spread: requirement.spread)) }
        if let moderation = requirement.moderation {
            guard moderation.rag.isGap else { return nil }
            reasons.append(.moderated(moderation))
        }
        guard !reasons.isEmpty else { return nil }
        return Gap(requirementID: requirement.requirementID, standardID: requirement.standardID,
                   reasons: reasons, serviceAreas: Self.areas(requirement.answers))
    }

    /// Each service area's mean among `answers` (one requirement's), weakest first (ties by name);
    /// an area a board may not see named (`ServiceAreaFolding`) is left out.
    static func areas(_ answers: [ScoredAnswer]) -> [(area: String, percent: Double)] {
        var byArea: [String: [Double]] = [:]
        for answer in answers where !answer.serviceArea.isEmpty {
            if let percent = answer.percent { byArea[answer.serviceArea, default: []].append(percent) }
        }
        return byArea.map { (area: $0.key, percent: $0.value.reduce(0, +) / Double($0.value.count)) }
            .sorted { ($0.percent, $0.area) < ($1.percent, $1.area) }
    }
}
