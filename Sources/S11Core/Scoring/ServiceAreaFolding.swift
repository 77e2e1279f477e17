/// Service areas as a board, a peer or a board document may see them, so that no officer is
/// singled out by small numbers: for each requirement, an area answered by fewer officers than the
/// smallest group is folded into "Other service areas", which is itself named only when it reaches
/// the smallest group; otherwise those answers count in the organisation's figures under no area.
/// The organisation's own coordinator sees every area as answered.
public struct ServiceAreaFolding: Sendable, Hashable {
    /// The name the small areas are shown under.
    public static let otherAreas = "Other service areas"
    /// The smallest group when the survey sets none.
    public static let defaultSmallestGroup = 2

    /// The fewest officers whose answers a figure by service area may come from.
    public var smallestGroup: Int

    public init(smallestGroup: Int) { self.smallestGroup = smallestGroup }

    /// The self-assessment's own smallest group, else the default.
    public init(survey: Survey) { self.init(smallestGroup: survey.smallestGroup ?? Self.defaultSmallestGroup) }

    /// One requirement's answers with each service area as the board may see it: a small area's
    /// answers under "Other service areas", or under no area (empty) when the folded ones are
    /// themselves too few. An area counts the officers who scored it, N/A left out as in every figure.
    public func fold(_ answers: [ScoredAnswer]) -> [ScoredAnswer] {
        Self.renamed(answers, as: names(answers))
    }

    /// Each service area among one requirement's answers, by the name the board may see it under:
    /// itself, "Other service areas", or empty for none.
    public func names(_ answers: [ScoredAnswer]) -> [String: String] {
        guard smallestGroup > 1 else { return Dictionary(answers.map { ($0.serviceArea, $0.serviceArea) }, uniquingKeysWith: { a, _ in a }) }
        func officers(_ answers: some Sequence<ScoredAnswer>) -> Int { Set(answers.filter { $0.percent != nil }.map(\.officerEmail)).count }
        let byArea = Dictionary(grouping: answers, by: \.serviceArea)
        let small = Set(byArea.filter { officers($0.value) < smallestGroup }.keys)
        let shownAs = officers(answers.filter { small.contains($0.serviceArea) }) >= smallestGroup ? Self.otherAreas : ""
        return Dictionary(uniqueKeysWithValues: byArea.keys.map { ($0, small.contains($0) ? shownAs : $0) })
    }

    /// The gap as the board may read it: its answers' and its service areas' names folded, from
    /// `answers`, all of the requirement's answers (the counts come from them).
    public func fold(_ gap: Gap, answers: [ScoredAnswer]) -> Gap {
        let shown = names(answers)
        var folded = gap
        folded.reasons = gap.reasons.map { reason in
            guard case .gapAnswers(let given) = reason else { return reason }
            return .gapAnswers(Self.renamed(given, as: shown))
        }
        folded.serviceAreas = GapFinder.areas(Self.renamed(answers, as: shown))
        return folded
    }

    /// `answers` with each service area under the name `shown` gives it.
    private static func renamed(_ answers: [ScoredAnswer], as shown: [String: String]) -> [ScoredAnswer] {
        answers.map { answer in
            var folded = answer
            folded.serviceArea = shown[answer.serviceArea] ?? answer.serviceArea
            return folded
        }
    }
}
