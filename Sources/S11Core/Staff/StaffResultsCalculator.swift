/// Computes the staff confidence results: percent agreeing (options the scale marks `agrees`)
/// with a 95% Wilson interval per statement; the same by service area with any group smaller than
/// `minimumGroup` suppressed; the change since last year with a two-proportion z-test; and the
/// gaps: a statement below its target, or down since last year by more than chance explains.
public struct StaffResultsCalculator: Sendable {
    public var survey: Survey
    public var scales: [Scale]
    public var serviceAreaChoice: String

    public init(survey: Survey, scales: [Scale], serviceAreaChoice: String = "service-area") {
        self.survey = survey
        self.scales = scales
        self.serviceAreaChoice = serviceAreaChoice
    }

    /// The results of answer sets held in memory.
    public func results(_ responses: [StaffResponse], previous: [StaffResponse]? = nil, minimumGroup: Int = 5) -> StaffResults {
        results(tally(responses), previous: previous.map(tally), minimumGroup: minimumGroup)
    }

    /// Counts answer sets held in memory.
    public func tally(_ responses: [StaffResponse]) -> StaffTally {
        var codebook = StaffCodebook(survey: survey, scales: scales)
        let packed = responses.compactMap { try? codebook.pack($0) }
        var tally = StaffTally(survey: survey, scales: scales, codebook: codebook, serviceAreaChoice: serviceAreaChoice)
        for codes in packed { tally.add(codes) }
        return tally
    }

    /// The results of counted answers (and last year's, for the change).
    public func results(_ tally: StaffTally, previous: StaffTally? = nil, minimumGroup: Int = 5) -> StaffResults {
        let areaChoice = survey.profile.first { $0.id == serviceAreaChoice }
        let areas = (areaChoice?.options ?? []).enumerated().map { index, option -> StaffResults.ServiceArea in
            let count = tally.areaRespondents[index]
            return StaffResults.ServiceArea(value: option.value, label: option.label, respondents: count >= minimumGroup ? count : nil)
        }
        let statements = survey.statements.enumerated().map { position, statement -> StaffResults.StatementResult in
            let overall = tally.proportion(statement: position)
            var byArea: [String: StaffResults.Figure] = [:]
            for (index, area) in areas.enumerated() where tally.areaRespondents[index] > 0 {
                let figure = tally.proportion(statement: position, area: index)
                byArea[area.value] = area.respondents == nil || figure.total < minimumGroup
                    ? .suppressed : StaffResults.Figure(agreeing: figure, suppressed: false)
            }
            var change: StaffResults.Change?
            if let previous, let before = previous.survey.statements.firstIndex(where: { $0.id == statement.id })
                .map({ previous.proportion(statement: $0) }) {
                if let test = overall.pValue(against: before), let now = overall.percent, let then = before.percent {
                    change = StaffResults.Change(previous: before, points: ((now - then) * 10).rounded() / 10,
                                                 z: test.z, pValue: test.p, significant: test.p < 0.05)
                }
            }
            return StaffResults.StatementResult(
                statementID: statement.id, text: statement.text, requirementID: statement.requirementID,
                targetPercent: statement.targetPercent, overall: StaffResults.Figure(agreeing: overall, suppressed: false),
                byServiceArea: byArea, change: change,
                gapReasons: gapReasons(overall, target: statement.targetPercent, change: change))
        }
        return StaffResults(respondents: tally.respondents, minimumGroup: minimumGroup, serviceAreas: areas,
                            statements: statements, previousRespondents: previous?.respondents)
    }

    /// "62% of staff agree (n=100, 95% CI 52.2-70.9%); target 80%." and "Down 12 points since last
    /// year (74% to 62%), unlikely to be chance (p=0.03)."
    private func gapReasons(_ overall: Proportion, target: Double?, change: StaffResults.Change?) -> [String] {
        guard let percent = overall.percent, let interval = overall.wilson95 else { return [] }
        var reasons: [String] = []
        let figure = "\(PercentText.format(percent))% of staff agree (n=\(overall.total), 95% CI \(PercentText.format(interval.low))-\(PercentText.format(interval.high))%)"
        if let target, percent < target - 1e-9 {
            reasons.append("\(figure); target \(PercentText.format(target))%.")
        }
        if let change, change.significant, change.points < 0, let before = change.previous.percent {
            reasons.append("Down \(PercentText.format(-change.points)) points since last year (\(PercentText.format(before))% to \(PercentText.format(percent))%), unlikely to be chance (p=\(pText(change.pValue))).")
        }
        return reasons
    }

    private func pText(_ p: Double) -> String {
        p < 0.001 ? "<0.001" : String((p * 1000).rounded() / 1000)
    }
}
