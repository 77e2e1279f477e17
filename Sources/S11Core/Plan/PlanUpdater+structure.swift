/// Changes to a plan's shape after drafting: an objective's title and finding, actions added,
/// removed and merged, and objectives that come from elsewhere than the audit (a serious case
/// review's learning point, a board priority). Each is kept in the objective's history with who,
/// when, old and new.
extension PlanUpdater {
    /// The wording of a new action: its leads' names separated by ";", and when it is due as a
    /// date, a timescale in words, or both.
    public struct NewAction: Sendable {
        public var input: String
        public var outcome: String?
        public var measure: String?
        public var lead: String
        public var due: CalendarDate?
        public var timescale: String?

        public init(input: String, outcome: String?, measure: String?, lead: String, due: CalendarDate?, timescale: String? = nil) {
            self.input = input
            self.outcome = outcome
            self.measure = measure
            self.lead = lead
            self.due = due
            self.timescale = timescale
        }

        /// One lead for each name given; "with NAME" is one supporting.
        public var leads: [Lead] {
            Lead.names(in: lead).map { text in
                let (name, isSupporting) = Lead.typed(text)
                return Lead(name: name, isSupporting: isSupporting)
            }
        }
    }

    /// Changes an objective's title or finding; nil leaves one as it is.
    public func editObjective(_ plan: Plan, objectiveID: String, title: String?, finding: String?) throws(PlanUpdateError) -> Plan {
        var plan = plan
        let (s, o) = try Self.objective(objectiveID, in: plan)
        var objective = plan.standards[s].objectives[o]
        let before = objective.history.count
        if let title, title != objective.title {
            objective.history.append(change("title", objective.title, title))
            objective.title = title
        }
        if let finding, finding != (objective.finding ?? "") {
            objective.history.append(change("finding", objective.finding, finding.isEmpty ? nil : finding))
            objective.finding = finding.isEmpty ? nil : finding
        }
        guard objective.history.count > before else { throw PlanUpdateError("nothing changes for \(objectiveID): the title and finding are as given") }
        plan.standards[s].objectives[o] = objective
        return plan
    }

    /// Adds an action to an objective, numbered after its last one.
    public func addAction(_ plan: Plan, objectiveID: String, _ new: NewAction) throws(PlanUpdateError) -> Plan {
        var plan = plan
        let (s, o) = try Self.objective(objectiveID, in: plan)
        let actions = plan.standards[s].objectives[o].actions
        // Numbered on from the objective's own actions ("A3.2" after "A3.1", "LP2.14" after "LP2.13").
        let prefix = actions.first.map { String($0.id[..<($0.id.lastIndex(of: ".") ?? $0.id.endIndex)]) }
            ?? "A\(plan.standards[s].objectives[o].id.dropFirst())"
        let next = (actions.compactMap { Int($0.id.split(separator: ".").last ?? "") }.max() ?? 0) + 1
        let action = PlanAction(id: "\(prefix).\(next)", input: new.input, outcome: new.outcome, measure: new.measure,
                                leads: new.leads, due: new.due, timescale: new.timescale,
                                history: [change("added", nil, new.input)])
        plan.standards[s].objectives[o].actions.append(action)
        plan.standards[s].objectives[o].history.append(change("action-added", nil, "\(action.id): \(new.input)"))
        return plan
    }

    /// Takes an action out of its objective; an objective keeps at least one action.
    public func removeAction(_ plan: Plan, actionID: String) throws(PlanUpdateError) -> Plan {
        var plan = plan
        let (s, o, a) = try Self.action(actionID, in: plan)
        let objective = plan.standards[s].objectives[o]
        guard objective.actions.count > 1 else {
            throw PlanUpdateError("\(actionID) is the only action of \(objective.id); an objective needs one, so change its wording instead")
        }
        let removed = plan.standards[s].objectives[o].actions.remove(at: a)
        plan.standards[s].objectives[o].history.append(change("action-removed", "\(removed.id): \(removed.input)", nil))
        return plan
    }

    /// Folds one action into another: the kept one's lead still answers for it and the folded one's
    /// leads are named with them, and the folded one's wording is kept in the history.
    public func mergeAction(_ plan: Plan, actionID: String, into targetID: String) throws(PlanUpdateError) -> Plan {
        guard actionID.lowercased() != targetID.lowercased() else { throw PlanUpdateError("an action cannot be merged into itself") }
        let (s, o, a) = try Self.action(actionID, in: plan)
        let folded = plan.standards[s].objectives[o].actions[a]
        var merged = try removeAction(plan, actionID: actionID)
        let (ts, to, ta) = try Self.action(targetID, in: merged)
        var target = merged.standards[ts].objectives[to].actions[ta]
        target.history.append(change("merged", "\(folded.id): \(folded.input)", nil))
        let joining = folded.leads.filter { lead in !target.leads.contains { $0.name == lead.name } }.map { lead in
            var lead = lead
            lead.isSupporting = target.leads.contains { !$0.isSupporting }
            return lead
        }
        if !joining.isEmpty {
            let before = target.leadNames
            target.leads += joining
            target.history.append(change("lead", before, target.leadNames))
        }
        merged.standards[ts].objectives[to].actions[ta] = target
        return merged
    }

    /// Adds an objective that did not come from the audit's gaps, under one of the plan's standards
    /// (or one of the audit's, which then joins the plan), with its first action.
    public func addObjective(_ plan: Plan, standardID: String, title: String, finding: String?, source: String,
                             action new: NewAction) throws(PlanUpdateError) -> Plan {
        var plan = plan
        let numbers = plan.objectives.compactMap { Int($0.id.dropFirst()) }
        let number = (numbers.max() ?? 0) + 1
        let action = PlanAction(id: "A\(number).1", input: new.input, outcome: new.outcome, measure: new.measure,
                                leads: new.leads, due: new.due, timescale: new.timescale, history: [change("added", nil, new.input)])
        let objective = Objective(id: "O\(number)", requirementID: nil, title: title, finding: finding, actions: [action], source: source,
                                  history: [change("objective-added", nil, "\(title) (\(source))")])
        if let s = plan.standards.firstIndex(where: { $0.standardID == standardID }) {
            plan.standards[s].objectives.append(objective)
        } else if let result = plan.results?.standards.first(where: { $0.standardID == standardID }) {
            plan.standards.append(PlanStandard(standardID: standardID, title: result.title, objectives: [objective]))
            let order = plan.results?.standards.map(\.standardID) ?? []
            func place(_ standard: PlanStandard) -> Int { standard.standardID.flatMap { order.firstIndex(of: $0) } ?? .max }
            plan.standards.sort { place($0) < place($1) }
        } else {
            let known = (plan.results?.standards.map(\.standardID) ?? plan.standards.compactMap(\.standardID)).joined(separator: ", ")
            throw PlanUpdateError("no standard '\(standardID)' in the plan's audit; its standards are \(known)")
        }
        return plan
    }

    private func change(_ field: String, _ old: String?, _ new: String?) -> ActionChange {
        ActionChange(at: at, by: by, field: field, old: old, new: new)
    }

    static func objective(_ id: String, in plan: Plan) throws(PlanUpdateError) -> (Int, Int) {
        for (s, standard) in plan.standards.enumerated() {
            if let o = standard.objectives.firstIndex(where: { $0.id.lowercased() == id.lowercased() }) { return (s, o) }
        }
        throw PlanUpdateError("no objective '\(id)' in the plan; its objectives are \(plan.objectives.map(\.id).joined(separator: ", "))")
    }

    static func action(_ id: String, in plan: Plan) throws(PlanUpdateError) -> (Int, Int, Int) {
        guard let found = position(of: id, in: plan) else {
            throw PlanUpdateError("no action '\(id)' in the plan; its actions are \(plan.actions.map(\.id).joined(separator: ", "))")
        }
        return found
    }
}
