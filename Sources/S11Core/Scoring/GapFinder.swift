/// Finds the gaps in a scorecard. A requirement is a gap when its band is below Green, when any
/// officer answered with a gap option (every Red or Amber answer needs an action), or when the
/// officers' answers are two scale steps apart or more (inconsistent practice).
public struct GapFinder: Sendable {
    public init() {}

    public func gaps(in card: Scorecard) -> [Gap] {
        card.requirements.compactMap { requirement in
            var reasons: [Gap.Reason] = []
            if let rag = requirement.rating.rag, rag.isGap { reasons.append(.lowRating(requirement.rating)) }
            let gapAnswers = requirement.answers.filter(\.isGapOption)
            if !gapAnswers.isEmpty { reasons.append(.gapAnswers(gapAnswers)) }
            if requirement.spread >= 2 { reasons.append(.inconsistentPractice(spread: requirement.spread)) }
            guard !reasons.isEmpty else { return nil }
            return Gap(requirementID: requirement.requirementID, standardID: requirement.standardID,
                       reasons: reasons, serviceAreas: areas(requirement))
        }
    }

    /// Each answering service area's mean for this requirement, weakest first (ties by name).
    private func areas(_ requirement: RequirementScore) -> [(area: String, percent: Double)] {
        var byArea: [String: [Double]] = [:]
        for answer in requirement.answers {
            if let percent = answer.percent { byArea[answer.serviceArea, default: []].append(percent) }
        }
        return byArea.map { (area: $0.key, percent: $0.value.reduce(0, +) / Double($0.value.count)) }
            .sorted { ($0.percent, $0.area) < ($1.percent, $1.area) }
    }
}
