/// What the audit found on one requirement, as a board member reads it in the plan: the
/// requirement's id and statement, one plain-English sentence ("Rated Amber (55.6%): two of the
/// four service areas that answer it partly meet it, while some officers say it is fully met."),
/// and the officers' own evidence behind it, a short excerpt each. Built from the gap and
/// answers as the board may see them (`ServiceAreaFolding`): areas too small to name are counted,
/// never named, and their officers' evidence is not quoted.
public struct PlanFinding: Sendable, Hashable {
    /// "S1.3: An elected member or board member is named as the lead for safeguarding ...".
    public var requirement: String
    /// The finding in one sentence.
    public var sentence: String
    /// "Evidence, Housing and homelessness: “Reports go to cabinet once a year ...”", the one nearest the gap.
    public var evidence: [String]

    /// Words an excerpt of an officer's evidence keeps.
    public static let excerptWords = 14

    /// The finding for `gap` on `requirement`, from all its `answers`, each already folded.
    public init(gap: Gap, requirement: Requirement, answers: [ScoredAnswer]) {
        self.requirement = "\(requirement.id): \(requirement.statement)"
        var clauses: [String] = []
        var rated: String?
        var moderated: String?
        for reason in gap.reasons {
            switch reason {
            case .lowRating(let rating):
                guard let percent = rating.percent, let rag = rating.rag else { continue }
                rated = "\(rag.label) (\(PercentText.format(percent))%)"
            case .moderated(let moderation):
                moderated = "Moderated to \(moderation.rag.label) by \(moderation.by)"
            case .gapAnswers(let given):
                Self.areaClause(given, answering: Set(answers.filter { $0.percent != nil }.map(\.serviceArea)).count).map { clauses.append($0) }
            case .inconsistentPractice(let spread):
                // What the officers who rate it highest say, beside those who say it falls short.
                guard let best = answers.filter({ $0.percent != nil && !$0.isGapOption }).max(by: { $0.percent! < $1.percent! }) else {
                    clauses.append("officers' answers are \(NumberWords.spelled(spread)) steps apart")
                    continue
                }
                let said = "some officers say it is \(best.optionLabel.lowercased())"
                if let last = clauses.indices.last { clauses[last] += ", while \(said)" } else { clauses.append("officers disagree: \(said)") }
            case .staffConfidence(_, let statement, let figures):
                let said = figures.joined(separator: " ")
                clauses.append("in the staff survey, “\(Self.unstopped(statement))”: \(Self.unstopped(said))")
            }
        }
        let opening = moderated.map { moderated in rated.map { "\(moderated), self-assessed \($0)" } ?? moderated } ?? rated.map { "Rated \($0)" }
        let body = clauses.isEmpty ? nil : clauses.joined(separator: "; ")
        switch (opening, body) {
        case let (opening?, body?): sentence = "\(opening): \(body)."
        case let (opening?, nil): sentence = "\(opening)."
        case let (nil, body?): sentence = body.capitalisedFirst + "."
        case (nil, nil): sentence = "Not fully met."
        }
        let failing = gap.reasons.flatMap { reason -> [ScoredAnswer] in
            if case .gapAnswers(let given) = reason { return given }
            return []
        }
        // Only from an area the board may see by name: a folded one's words could point at who wrote them.
        let sources = (failing + answers.sorted { ($0.percent ?? 101) < ($1.percent ?? 101) }).filter { answer in
            !answer.serviceArea.isEmpty && answer.serviceArea != ServiceAreaFolding.otherAreas && (answer.evidence ?? "").contains { $0.isLetter }
        }
        var seen: Set<String> = []
        evidence = sources.compactMap { answer -> String? in
            guard let text = answer.evidence, seen.insert(answer.serviceArea).inserted else { return nil }
            return "Evidence, \(answer.serviceArea): “\(Self.excerpt(text))”"
        }.prefix(1).map { $0 }
    }

    /// The finding as the plan keeps it: the requirement, the sentence, then the evidence, a line each.
    public var text: String { ([requirement, sentence] + evidence).joined(separator: "\n") }

    /// How the service areas answered, each by its lowest answer, in one clause: "two of the four
    /// service areas that answer it partly meet it (Housing and Leisure)", or with several answers
    /// "of the three service areas that answer it, one does not meet it (Corporate services) and
    /// one partly meets it (Other service areas)"; areas named where the board may see them.
    private static func areaClause(_ given: [ScoredAnswer], answering: Int) -> String? {
        // Each area once, by the lowest answer its officers gave.
        var worst: [(area: String, answer: ScoredAnswer)] = []
        for answer in given {
            if let i = worst.firstIndex(where: { $0.area == answer.serviceArea }) {
                if (answer.percent ?? 101) < (worst[i].answer.percent ?? 101) { worst[i].answer = answer }
            } else {
                worst.append((answer.serviceArea, answer))
            }
        }
        var byLabel: [(label: String, option: String, areas: [String])] = []
        for (area, answer) in worst {
            if let i = byLabel.firstIndex(where: { $0.label == answer.optionLabel }) {
                byLabel[i].areas.append(area)
            } else {
                byLabel.append((answer.optionLabel, answer.option, [area]))
            }
        }
        guard let only = byLabel.first else { return nil }
        let total = max(answering, Set(byLabel.flatMap(\.areas)).count)
        let counted = total == 1 ? "one service area that answers it" : "\(NumberWords.spelled(total)) service areas that answer it"
        let areas = "the " + counted
        func said(_ group: (label: String, option: String, areas: [String])) -> String {
            let named = group.areas.filter { !$0.isEmpty }
            let unnamed = named.count < group.areas.count ? ["one other"] : []
            return verb(group.label, option: group.option, plural: group.areas.count > 1)
                + (named.isEmpty || group.areas.count == total ? "" : " (\(joined(named + unnamed) ?? ""))")
        }
        guard byLabel.count == 1 else {
            return "of \(areas), " + (joined(byLabel.map { "\(NumberWords.spelled($0.areas.count)) \(said($0))" }) ?? "")
        }
        let count = only.areas.count
        if count == total { return (total == 1 ? areas : total == 2 ? "both service areas that answer it" : "all \(counted)") + " " + said(only) }
        return "\(NumberWords.spelled(count)) of \(areas) \(said(only))"
    }

    /// The scale's answer as what the areas do: "partly meet it", "do not meet it", else "answer “Label”".
    private static func verb(_ label: String, option: String, plural: Bool) -> String {
        switch option {
        case "partially": return plural ? "partly meet it" : "partly meets it"
        case "not-met": return plural ? "do not meet it" : "does not meet it"
        default: return plural ? "answer “\(label)”" : "answers “\(label)”"
        }
    }

    /// "a, b and c".
    private static func joined(_ clauses: [String]) -> String? {
        guard let last = clauses.last else { return nil }
        return clauses.count == 1 ? last : clauses.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `text` without its closing full stop, to sit inside a sentence.
    private static func unstopped(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }

    /// The first words of an officer's evidence, on one line, "..." when cut.
    static func excerpt(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        let kept = words.prefix(excerptWords).joined(separator: " ")
        return words.count > excerptWords ? kept + " ..." : kept
    }
}
