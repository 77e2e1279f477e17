import Foundation

/// Drafts next year's plan from an audit's gaps: one objective per gap under its standard, with
/// the requirement's improvement template as actions, led by the named officer of the weakest
/// service area (else the template's lead role), due the template's timescale after the start.
public struct PlanDrafter: Sendable {
    /// Choices a person makes when drafting.
    public struct Options: Sendable {
        /// First day of the plan; actions are due counted from it.
        public var start: CalendarDate
        /// The day the draft is made (document control's "last reviewed").
        public var today: CalendarDate
        public var owner: String?
        public var author: String?

        public init(start: CalendarDate, today: CalendarDate, owner: String? = nil, author: String? = nil) {
            self.start = start
            self.today = today
            self.owner = owner
            self.author = author
        }

        /// The seeds' plans run January to January after the autumn audit.
        public static func defaultStart(auditYear: Int) -> CalendarDate {
            CalendarDate(year: auditYear + 1, month: 1, day: 1)!
        }
    }

    public var content: AuditContent

    public init(content: AuditContent) { self.content = content }

    public func draft(card: Scorecard, gaps: [Gap], officers: [Officer], options: Options) -> Plan {
        let end = options.start.adding(months: 12).adding(days: -1)
        let owner = options.owner ?? officers.first { $0.role == "strategic-lead" }?.name ?? "Safeguarding lead"
        let author = options.author ?? owner
        let control = DocumentControl(
            owner: owner, author: author, version: "0.1",
            lastReviewed: options.today, nextReviewDue: options.today.adding(months: 6),
            history: [Revision(version: "0.1", date: options.today, author: author,
                               note: "Drafted by s11 from the \(card.year) self-assessment audit (\(card.returns) returns, \(gaps.count) gaps)")])

        var standards: [PlanStandard] = []
        var objectiveNumber = 0
        for standard in content.catalogue.standards {
            var objectives: [Objective] = []
            for gap in gaps where gap.standardID == standard.id {
                guard let requirement = content.catalogue.requirement(gap.requirementID) else { continue }
                objectiveNumber += 1
                let template = requirement.improvement
                let lead = lead(for: gap, template: template, card: card, officers: officers)
                let due = options.start.adding(months: template.timescaleMonths).adding(days: -1)
                let actions = template.actions.enumerated().map { index, input in
                    PlanAction(id: "A\(objectiveNumber).\(index + 1)", input: input, outcome: template.outcome,
                               measure: template.measure, lead: lead, due: due)
                }
                objectives.append(Objective(id: "O\(objectiveNumber)", requirementID: requirement.id,
                                            title: template.objective, finding: gap.explanation,
                                            actions: actions))
            }
            if !objectives.isEmpty {
                standards.append(PlanStandard(standardID: standard.id, title: standard.title, objectives: objectives))
            }
        }

        let results = PlanResults(
            catalogueID: card.catalogueID, catalogueVersion: card.catalogueVersion, returns: card.returns,
            overall: rounded(card.overall),
            standards: card.standards.map { score in
                StandardResult(standardID: score.standardID, title: score.title, rating: rounded(score.rating),
                               gaps: gaps.filter { $0.standardID == score.standardID }.count)
            })
        return Plan(organisation: card.organisation,
                    title: "Safeguarding Action Plan \(options.start.monthAndYear) - \(end.monthAndYear)",
                    auditYear: card.year, periodStart: options.start, periodEnd: end,
                    documentControl: control, results: results, standards: standards)
    }

    /// The plan keeps one decimal place, as the board XML does, so it reads back unchanged.
    private func rounded(_ rating: Rating) -> Rating {
        Rating(percent: rating.percent.map { ($0 * 10).rounded() / 10 }, rag: rating.rag)
    }

    private func lead(for gap: Gap, template: ImprovementTemplate, card: Scorecard, officers: [Officer]) -> Lead {
        if let area = gap.weakestServiceArea {
            let inArea = officers.filter { $0.serviceArea == area }
            let answers = card.requirement(gap.requirementID)?.answers ?? []
            func answerPercent(_ officer: Officer) -> Double {
                answers.first { $0.officerEmail == officer.email }?.percent ?? 101
            }
            let chosen = inArea.first { $0.role == template.leadRole }
                ?? inArea.min { (answerPercent($0), $0.name) < (answerPercent($1), $1.name) }
            if let chosen { return Lead(name: chosen.name, role: chosen.role, serviceArea: area) }
        }
        return Lead(name: content.selfAssessment.roleLabel(template.leadRole), role: template.leadRole)
    }
}
