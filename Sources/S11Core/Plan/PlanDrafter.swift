import Foundation

/// Drafts next year's plan from an audit's gaps: one objective per gap under its standard. Its
/// actions are what the officers proposed (in their words and timescale; the same proposal from
/// several officers is one action), or, where nobody proposed one, the requirement's improvement
/// template, each action written once, due the template's timescale after the start. Each action
/// has one accountable lead (the holder of the requirement's lead role, else a proposer or named
/// officer in a failing area, else the plan's owner) and at most two named with them; every
/// service area that falls short owns an action. Gaps are taken by weight of evidence
/// up to the plan's limit; the rest go to the appendix "Areas to keep under review" with their
/// findings. With the previous plan, its unfinished actions carry forward and its completed ones
/// go to the appendix.
public struct PlanDrafter: Sendable {
    /// Choices a person makes when drafting.
    public struct Options: Sendable {
        /// First day of the plan; actions are due counted from it.
        public var start: CalendarDate
        /// The day the draft is made (document control's "last reviewed").
        public var today: CalendarDate
        public var owner: String?
        public var author: String?
        /// Last year's plan: actions not Blue carry forward, Blue ones go to the appendix.
        public var previous: Plan?
        /// At most this many objectives from the audit's gaps, the rest kept under review; nil for
        /// the survey's `maxObjectives`, else `seedsObjectives`.
        public var maxObjectives: Int?

        /// What a council acts on in a year: Oxford City Council's 2021-22 plan has about 20 objectives.
        public static let seedsObjectives = 20

        public init(start: CalendarDate, today: CalendarDate, owner: String? = nil, author: String? = nil, previous: Plan? = nil,
                    maxObjectives: Int? = nil) {
            self.start = start
            self.today = today
            self.owner = owner
            self.author = author
            self.previous = previous
            self.maxObjectives = maxObjectives
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
        let ownerRoles = Set(content.selfAssessment.roles.filter(\.ownsPlan).map(\.id))
        let owner = options.owner ?? officers.first { ownerRoles.contains($0.role) }?.name
            ?? content.selfAssessment.roles.first(where: \.ownsPlan)?.label ?? "Safeguarding lead"
        let author = options.author ?? owner
        let control = DocumentControl(
            owner: owner, author: author, version: "0.1",
            lastReviewed: options.today, nextReviewDue: options.today.adding(months: 6),
            keyInfluences: keyInfluences(year: card.year, gaps: gaps, previous: options.previous),
            history: [Revision(version: "0.1", date: options.today, author: author,
                               note: "Drafted from the \(card.year) self-assessment audit (\(Counted(card.returns, "return")), \(Counted(gaps.count, "gap")))")])

        let planned = gaps.filter { content.catalogue.requirement($0.requirementID) != nil }
        let ranked = Self.byWeight(planned)
        let limit = options.maxObjectives ?? content.selfAssessment.maxObjectives ?? Options.seedsObjectives
        let taken = Set(ranked.prefix(max(0, limit)).map(\.requirementID))
        var standards: [PlanStandard] = []
        for standard in content.catalogue.standards {
            let objectives = planned.filter { $0.standardID == standard.id && taken.contains($0.requirementID) }.compactMap { gap -> Objective? in
                guard let requirement = content.catalogue.requirement(gap.requirementID) else { return nil }
                return objective(for: gap, requirement: requirement, card: card, officers: officers, owner: owner,
                                 start: options.start, end: end)
            }
            standards.append(PlanStandard(standardID: standard.id, title: standard.title, objectives: objectives))
        }
        let underReview = ranked.filter { !taken.contains($0.requirementID) }.compactMap { gap -> ReviewArea? in
            guard let requirement = content.catalogue.requirement(gap.requirementID),
                  let standard = content.catalogue.standards.first(where: { $0.id == gap.standardID }) else { return nil }
            return ReviewArea(standardID: standard.id, standardTitle: standard.title, requirementID: requirement.id,
                              title: requirement.improvement.objective, finding: finding(gap, requirement: requirement, card: card).sentence)
        }
        var completed: [CompletedAction] = []
        if let previous = options.previous {
            completed = carryForward(from: previous, into: &standards)
        }
        standards = numbered(standards.filter { !$0.objectives.isEmpty })
        let drafted = standards.flatMap(\.objectives)
        let priorities = ranked.filter { taken.contains($0.requirementID) }.compactMap { gap -> PlanPriority? in
            guard let requirement = content.catalogue.requirement(gap.requirementID),
                  let objective = drafted.first(where: { $0.requirementID == gap.requirementID }) else { return nil }
            return PlanPriority(objectiveID: objective.id, why: finding(gap, requirement: requirement, card: card).sentence)
        }.prefix(Self.priorities)

        let results = PlanResults(
            catalogueID: card.catalogueID, catalogueVersion: card.catalogueVersion, returns: card.returns,
            overall: rounded(card.overall),
            standards: card.standards.map { score in
                StandardResult(standardID: score.standardID, title: score.title, rating: rounded(score.rating),
                               moderated: score.moderation?.rag ?? score.moderatedRating?.rag,
                               moderatedPercent: score.moderatedRating.flatMap { rounded($0).percent },
                               gaps: gaps.filter { $0.standardID == score.standardID }.count)
            })
        return Plan(organisation: card.organisation,
                    title: "Safeguarding Action Plan \(options.start.monthAndYear) - \(end.monthAndYear)",
                    auditYear: card.year, periodStart: options.start, periodEnd: end,
                    documentControl: control, introduction: options.previous?.introduction ?? [], results: results,
                    priorities: Array(priorities), standards: standards, completed: completed,
                    underReview: underReview)
    }

    /// The most priorities the board's summary raises.
    public static let priorities = 5

    /// What the plan draws on: the previous plan's list where it has one (the council's own),
    /// else the audit, the standards it was made against and, where it raised a gap, the staff survey.
    private func keyInfluences(year: Int, gaps: [Gap], previous: Plan?) -> [String] {
        if let own = previous?.documentControl.keyInfluences, !own.isEmpty { return own }
        let staff = gaps.contains { $0.reasons.contains { if case .staffConfidence = $0 { true } else { false } } }
        return ["The \(year) safeguarding self-assessment audit", content.catalogue.title]
            + (staff ? ["The \(year) staff safeguarding confidence survey"] : [])
    }

    /// Gaps with the most weight of evidence first: a moderated rating, then a Red rating before
    /// an Amber one, then the staff survey's shortfalls, then officers who disagree, then a gap
    /// answer alone; within a weight, the lower rating first, then the catalogue's order.
    static func byWeight(_ gaps: [Gap]) -> [Gap] {
        func weight(_ gap: Gap) -> Int {
            gap.reasons.map { reason in
                switch reason {
                case .moderated: 0
                case .lowRating(let rating): rating.rag == .red ? 1 : 2
                case .staffConfidence: 3
                case .inconsistentPractice: 4
                case .gapAnswers: 5
                }
            }.min() ?? 6
        }
        func percent(_ gap: Gap) -> Double {
            gap.reasons.compactMap { if case .lowRating(let rating) = $0 { rating.percent } else { nil } }.min() ?? 100
        }
        return gaps.enumerated().sorted { a, b in
            (weight(a.element), percent(a.element), a.offset) < (weight(b.element), percent(b.element), b.offset)
        }.map(\.element)
    }

    /// The objective for one gap: the officers' proposals, or the template's actions, each once,
    /// each with one accountable lead and at most two supporting (`accountable`); every service
    /// area that fell short owns an action (the template's first, when none of its people leads one).
    private func objective(for gap: Gap, requirement: Requirement, card: Scorecard, officers: [Officer], owner: String,
                           start: CalendarDate, end: CalendarDate) -> Objective {
        let template = requirement.improvement
        let due = start.adding(months: template.timescaleMonths).adding(days: -1)
        let failing = failingAreas(gap, card: card)
        let ownedBy = { (candidates: [Lead]) in
            self.accountable(candidates, role: template.leadRole, failing: failing, officers: officers, owner: owner)
        }
        var actions = proposals(card.requirement(gap.requirementID)?.answers ?? [], template: template, due: due,
                                periodStart: start, periodEnd: end, leads: ownedBy)
        if actions.isEmpty {
            let areaLeads = failing.isEmpty
                ? [lead(role: template.leadRole, area: nil, gap: gap, card: card, officers: officers)]
                : failing.map { lead(role: template.leadRole, area: $0, gap: gap, card: card, officers: officers) }
            let led = ownedBy(areaLeads)
            actions = template.actions.map {
                PlanAction(id: "", input: $0, outcome: template.outcome, measure: template.measure, leads: led, due: due)
            }
        }
        // A failing area none of whose people leads or works on an action gets the template's
        // first action, led by its named officer (the next two such areas' named with them); where
        // an officer's proposal already says nearly the same, its officers are named with that one
        // instead, when it has room, so that the plan does not say the same thing twice.
        let led = Set(actions.flatMap(\.leads).compactMap(\.serviceArea).flatMap { $0.components(separatedBy: ", ") })
        let unled = failing.filter { !led.contains($0) }
            .map { lead(role: template.leadRole, area: $0, gap: gap, card: card, officers: officers) }.filter { $0.serviceArea != nil }
        let owners = Self.together(unled)
        if let first = template.actions.first, let owner = owners.first {
            let said = ProposalWords(first)
            if let near = actions.firstIndex(where: { ProposalWords($0.input).isNearly(said) }),
               actions[near].leads.count + owners.count <= 3 {
                actions[near].leads += owners.filter { owner in !actions[near].leads.contains { $0.name == owner.name } }.map { owner in
                    var owner = owner
                    owner.isSupporting = true
                    return owner
                }
            } else {
                actions.append(PlanAction(id: "", input: first, outcome: template.outcome, measure: template.measure,
                                          leads: Self.led(by: owner, with: owners.dropFirst()), due: due))
            }
        }
        // Beside a lead's name only the service areas enough officers answered in: a small one
        // would point at whose answer the finding is (`ServiceAreaFolding`).
        let shown = folding.names(card.requirement(gap.requirementID)?.answers ?? [])
        for index in actions.indices {
            actions[index].leads = actions[index].leads.map { lead in
                var lead = lead
                let areas = lead.serviceArea?.components(separatedBy: ", ").filter { shown[$0] == $0 } ?? []
                lead.serviceArea = areas.isEmpty ? nil : areas.joined(separator: ", ")
                return lead
            }
        }
        return Objective(id: "", requirementID: requirement.id, title: template.objective,
                         finding: finding(gap, requirement: requirement, card: card).text, actions: actions)
    }

    /// One lead who answers for an action and at most two named with them, from `candidates` (the
    /// officers who proposed it, or each failing area's lead): the officer holding the
    /// requirement's lead role (one in a failing area first, then one of the candidates), else the
    /// first candidate in a failing area, else the first candidate, else the plan's owner.
    private func accountable(_ candidates: [Lead], role: String, failing: [String], officers: [Officer], owner: String) -> [Lead] {
        let named = Self.together(candidates)
        let holders = officers.filter { $0.role == role }
        let holder = holders.first { failing.contains($0.serviceArea) } ?? holders.first { holder in named.contains { $0.name == holder.name } }
            ?? holders.first
        let inFailingArea = named.first { lead in lead.serviceArea.map { $0.components(separatedBy: ", ").contains(where: failing.contains) } ?? false }
        let first = holder.map { holder in named.first { $0.name == holder.name } ?? Lead(name: holder.name, role: holder.role, serviceArea: holder.serviceArea) }
            ?? inFailingArea ?? named.first ?? Lead(name: owner)
        return Self.led(by: first, with: named.filter { $0.name != first.name })
    }

    /// `lead` answering for an action, and the first two of `others` named with them.
    private static func led(by lead: Lead, with others: some Sequence<Lead>) -> [Lead] {
        var first = lead
        first.isSupporting = false
        return [first] + others.prefix(2).map { other in
            var other = other
            other.isSupporting = true
            return other
        }
    }

    /// How the board reads the gap (`PlanFinding`): the officers' answers by service area, small areas folded.
    private func finding(_ gap: Gap, requirement: Requirement, card: Scorecard) -> PlanFinding {
        let answers = card.requirement(gap.requirementID)?.answers ?? []
        return PlanFinding(gap: folding.fold(gap, answers: answers), requirement: requirement, answers: folding.fold(answers))
    }

    /// The smallest group by service area of the content's self-assessment.
    private var folding: ServiceAreaFolding { ServiceAreaFolding(survey: content.selfAssessment) }

    /// The officers' own proposals for a requirement, in their words, with their lead (the officer
    /// when they named none) and their timescale in words, dated in the plan's period
    /// (`TimescaleDate.withYear`); one action for the same words from several officers (case,
    /// spacing and punctuation aside) and for nearly the same words in one service area (most of
    /// them shared), led as `ownedBy` decides. Its measure is the officer's "how we will know"
    /// (the first given, for several); the template's outcome and measure are not the officer's,
    /// so without one a proposal has none until its lead writes it; the plan reads its due date
    /// from its words, the latest for several.
    private func proposals(_ answers: [ScoredAnswer], template: ImprovementTemplate, due: CalendarDate,
                           periodStart: CalendarDate, periodEnd: CalendarDate, leads ownedBy: ([Lead]) -> [Lead]) -> [PlanAction] {
        var entries: [(words: ProposalWords, improvement: Improvement, leads: [Lead], timescales: [String], measure: String?)] = []
        for answer in answers {
            guard let improvement = answer.improvement else { continue }
            let words = ProposalWords(improvement.action)
            let lead = Lead(name: improvement.lead ?? answer.officerName, serviceArea: answer.serviceArea)
            let index = entries.firstIndex { $0.words == words }
                ?? entries.firstIndex { entry in entry.words.isNearly(words) && entry.leads.contains { $0.serviceArea == answer.serviceArea } }
                ?? {
                    entries.append((words, improvement, [], [], nil))
                    return entries.count - 1
                }()
            entries[index].leads.append(lead)
            entries[index].measure = entries[index].measure ?? improvement.measure
            if let by = improvement.by {
                let dated = TimescaleDate.withYear(by, periodStart: periodStart, periodEnd: periodEnd, otherwise: due)
                if !entries[index].timescales.contains(dated) { entries[index].timescales.append(dated) }
            }
        }
        return entries.map { entry in
            PlanAction(id: "", input: entry.improvement.action, outcome: nil, measure: entry.measure, leads: ownedBy(entry.leads),
                       due: entry.timescales.isEmpty ? due : nil,
                       timescale: entry.timescales.isEmpty ? nil : entry.timescales.joined(separator: "; "))
        }
    }

    /// Each person once, in the order first named, with every service area they lead
    /// ("Cara Cole" for Housing and Leisure: one lead, service area "Housing, Leisure").
    static func together(_ leads: [Lead]) -> [Lead] {
        var merged: [Lead] = []
        for lead in leads {
            guard let index = merged.firstIndex(where: { $0.name == lead.name }) else {
                merged.append(lead)
                continue
            }
            guard let area = lead.serviceArea else { continue }
            let areas = merged[index].serviceArea.map { $0.components(separatedBy: ", ") } ?? []
            if !areas.contains(area) { merged[index].serviceArea = (areas + [area]).joined(separator: ", ") }
        }
        return merged
    }

    /// Service areas that fall short on the gap's requirement: an officer there gave a gap answer or
    /// the area's mean is below Green. At least the weakest area, when any answered.
    private func failingAreas(_ gap: Gap, card: Scorecard) -> [String] {
        let answers = card.requirement(gap.requirementID)?.answers ?? []
        let greenFrom = content.bands.first { $0.rag == .green }?.minPercent ?? 75
        let failing = gap.serviceAreas.filter { entry in
            entry.percent < greenFrom - 1e-9 || answers.contains { $0.serviceArea == entry.area && $0.isGapOption }
        }.map(\.area)
        if failing.isEmpty, let weakest = gap.weakestServiceArea { return [weakest] }
        return failing
    }

    /// Moves the previous plan's actions in: Blue ones to the appendix, the rest carried under the
    /// objective for the same requirement (or their own objective), keeping their words and dates.
    private func carryForward(from previous: Plan, into standards: inout [PlanStandard]) -> [CompletedAction] {
        var completed: [CompletedAction] = []
        for oldStandard in previous.standards {
            for oldObjective in oldStandard.objectives {
                var carried: [PlanAction] = []
                for action in oldObjective.actions {
                    if action.status == .blue {
                        completed.append(CompletedAction(standardID: oldStandard.standardID, standardTitle: oldStandard.title,
                                                         objective: oldObjective.title, action: action))
                    } else {
                        var action = action
                        // Its words and date stay as the previous plan wrote them; the date it meant
                        // there is kept as where it came from, marked when read from the words.
                        let meant = previous.dueDate(of: action)
                        action.carried = action.carried ?? CarriedFrom(plan: previous.title, actionID: action.id, originalDue: meant,
                                                                       dueWorkedOut: action.due == nil && meant != nil)
                        carried.append(action)
                    }
                }
                guard !carried.isEmpty else { continue }
                let s = standards.firstIndex { $0.standardID == oldStandard.standardID } ?? {
                    standards.append(PlanStandard(standardID: oldStandard.standardID, title: oldStandard.title, objectives: []))
                    return standards.count - 1
                }()
                if let requirementID = oldObjective.requirementID,
                   let o = standards[s].objectives.firstIndex(where: { $0.requirementID == requirementID }) {
                    standards[s].objectives[o].actions += carried
                } else {
                    standards[s].objectives.append(Objective(
                        id: "", requirementID: oldObjective.requirementID, title: oldObjective.title,
                        finding: "Carried forward from \(previous.title): not completed.", actions: carried))
                }
            }
        }
        return completed
    }

    /// Numbers objectives O1, O2, ... through the plan and actions A<objective>.<n> within each.
    private func numbered(_ standards: [PlanStandard]) -> [PlanStandard] {
        var number = 0
        return standards.map { standard in
            var standard = standard
            standard.objectives = standard.objectives.map { objective in
                number += 1
                var objective = objective
                objective.id = "O\(number)"
                objective.actions = objective.actions.enumerated().map { index, action in
                    var action = action
                    action.id = "A\(number).\(index + 1)"
                    return action
                }
                return objective
            }
            return standard
        }
    }

    /// The plan keeps one decimal place, as the board XML does, so it reads back unchanged.
    private func rounded(_ rating: Rating) -> Rating {
        Rating(percent: rating.percent.map { ($0 * 10).rounded() / 10 }, rag: rating.rag)
    }

    /// A named officer of the service area, the template's lead role there first, else the officer
    /// there who rated the requirement lowest; with no such officer, the role itself.
    private func lead(role: String, area: String?, gap: Gap, card: Scorecard, officers: [Officer]) -> Lead {
        if let area {
            let inArea = officers.filter { $0.serviceArea == area }
            let answers = card.requirement(gap.requirementID)?.answers ?? []
            func answerPercent(_ officer: Officer) -> Double {
                answers.first { $0.officerEmail == officer.email }?.percent ?? 101
            }
            let chosen = inArea.first { $0.role == role }
                ?? inArea.min { (answerPercent($0), $0.name) < (answerPercent($1), $1.name) }
            if let chosen { return Lead(name: chosen.name, role: chosen.role, serviceArea: area) }
        }
        return Lead(name: content.selfAssessment.roleLabel(role), role: role)
    }
}
