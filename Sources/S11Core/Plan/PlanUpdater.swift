import Foundation

/// Tracks a plan through the year: changes to an action's wording (the action, desired outcome,
/// measure, timescale in words), status, progress, due date or lead, each kept in the action's
/// history with who, when, old and new, and version bumps that record why.
public struct PlanUpdater: Sendable {
    /// What to change on one action; nil leaves a field as it is.
    public struct Change: Sendable {
        public var status: ActionStatus?
        public var progress: String?
        public var due: CalendarDate?
        /// The leads' names, several separated by ";" ("Dani Granito; Laura Jones"); a lead kept
        /// by name keeps their service area, progress and status.
        public var lead: String?
        /// The action itself, in the council's words.
        public var input: String?
        public var outcome: String?
        public var measure: String?
        /// The timescale in words ("Quarterly meetings", "All year"); empty outcome, measure or
        /// timescale takes it away.
        public var timescale: String?
        /// Takes the due date away, leaving the timescale in words to say when.
        public var removeDue: Bool
        /// The lead whose own status and progress change (by name, as in "Val Johnson" or
        /// "Cara Cole (Housing)"); nil for the action's.
        public var forLead: String?

        public init(status: ActionStatus? = nil, progress: String? = nil, due: CalendarDate? = nil, lead: String? = nil,
                    input: String? = nil, outcome: String? = nil, measure: String? = nil, timescale: String? = nil,
                    removeDue: Bool = false, forLead: String? = nil) {
            self.status = status
            self.progress = progress
            self.due = due
            self.lead = lead
            self.input = input
            self.outcome = outcome
            self.measure = measure
            self.timescale = timescale
            self.removeDue = removeDue
            self.forLead = forLead
        }
    }

    /// Who makes the changes and when (ISO 8601 date and time, e.g. `2027-03-01T10:15:00Z`).
    public var by: String
    public var at: String

    public init(by: String, at: String) {
        self.by = by
        self.at = at
    }

    /// Applies `change` to the action with `actionID`, adding one history entry per field that changes.
    public func update(_ plan: Plan, actionID: String, change: Change) throws(PlanUpdateError) -> Plan {
        var plan = plan
        guard let (s, o, a) = Self.position(of: actionID, in: plan) else {
            let known = plan.actions.map(\.id)
            throw PlanUpdateError("no action '\(actionID)' in the plan; its actions are \(known.isEmpty ? "none" : known.joined(separator: ", "))")
        }
        var action = plan.standards[s].objectives[o].actions[a]
        var entries: [ActionChange] = []
        func record(_ field: String, _ old: String?, _ new: String?) {
            if old != new { entries.append(ActionChange(at: at, by: by, field: field, old: old, new: new)) }
        }
        if let name = change.forLead {
            guard let l = action.leads.firstIndex(where: { $0.name.lowercased() == name.lowercased() || $0.described.lowercased() == name.lowercased() }) else {
                throw PlanUpdateError("\(actionID) has no lead '\(name)'; its leads are \(action.leadNames)")
            }
            // A lead's own status and progress, recorded under the lead's name.
            let who = action.leads[l].name
            if let status = change.status {
                record("status", action.leads[l].status.map { "\(who): \($0.rawValue)" }, "\(who): \(status.rawValue)")
                action.leads[l].status = status
            }
            if let progress = change.progress {
                record("progress", action.leads[l].progress.map { "\(who): \($0)" }, "\(who): \(progress)")
                action.leads[l].progress = progress
            }
        } else {
            if let status = change.status {
                record("status", action.status?.rawValue, status.rawValue)
                action.status = status
            }
            if let progress = change.progress {
                record("progress", action.progress, progress)
                action.progress = progress
            }
        }
        if let due = change.due {
            record("due", action.due?.iso, due.iso)
            action.due = due
        } else if change.removeDue {
            record("due", action.due?.iso, nil)
            action.due = nil
        }
        if let lead = change.lead {
            let leads = Lead.names(in: lead).map { text in
                let (name, isSupporting) = Lead.typed(text)
                var lead = action.leads.first { $0.name == name || $0.described == name } ?? Lead(name: name)
                lead.isSupporting = isSupporting
                return lead
            }
            guard leads.contains(where: { !$0.isSupporting }) else {
                throw PlanUpdateError("name at least one lead for \(actionID) who answers for it, not only people named \"with\"")
            }
            record("lead", action.leadNames, leads.map(\.inLine).joined(separator: "; "))
            action.leads = leads
        }
        if let input = change.input {
            record("action", action.input, input)
            action.input = input
        }
        for (field, new, keyPath) in [("outcome", change.outcome, \PlanAction.outcome), ("measure", change.measure, \PlanAction.measure),
                                      ("timescale", change.timescale, \PlanAction.timescale)] {
            guard let new else { continue }
            let value = new.isEmpty ? nil : new
            record(field, action[keyPath: keyPath], value)
            action[keyPath: keyPath] = value
        }
        guard action.due != nil || action.timescale != nil else {
            throw PlanUpdateError("\(actionID) needs a due date or a timescale in words; keep one of them")
        }
        guard !entries.isEmpty else {
            throw PlanUpdateError("nothing changes for \(actionID): every value given is the one it has")
        }
        action.history += entries
        plan.standards[s].objectives[o].actions[a] = action
        return plan
    }

    /// Replaces the plan's key influences (what it draws on, the board's summary lists them) with
    /// `influences`, in their order, blanks left out; refused when nothing changes.
    public func setKeyInfluences(_ plan: Plan, _ influences: [String]) throws(PlanUpdateError) -> Plan {
        let kept = influences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard kept != plan.documentControl.keyInfluences else {
            throw PlanUpdateError("nothing changes: the key influences are as given")
        }
        var plan = plan
        plan.documentControl.keyInfluences = kept
        return plan
    }

    /// Raises the version (0.1 to 0.2, or to 1.0 with `major`), records why in the version history,
    /// marks the plan reviewed on `day` and sets the next review six months on.
    public func bumpVersion(_ plan: Plan, note: String, on day: CalendarDate, major: Bool = false) throws(PlanUpdateError) -> Plan {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PlanUpdateError("say why the version changes: --note \"Signed off by cabinet\"")
        }
        let step = PlanVersionStep(from: plan.documentControl.version)
        let version = major ? step.major : step.minor
        var plan = plan
        plan.documentControl.version = version
        plan.documentControl.lastReviewed = day
        plan.documentControl.nextReviewDue = day.adding(months: 6)
        plan.documentControl.history.append(Revision(version: version, date: day, author: by, note: note))
        return plan
    }

    /// Actions past their due date on `day` and not completed, in plan order.
    public static func overdue(in plan: Plan, on day: CalendarDate) -> [(standard: PlanStandard, objective: Objective, action: PlanAction)] {
        plan.standards.flatMap { standard in
            standard.objectives.flatMap { objective in
                objective.actions.filter { plan.isOverdue($0, on: day) }.map { (standard, objective, $0) }
            }
        }
    }

    static func position(of actionID: String, in plan: Plan) -> (Int, Int, Int)? {
        for (s, standard) in plan.standards.enumerated() {
            for (o, objective) in standard.objectives.enumerated() {
                if let a = objective.actions.firstIndex(where: { $0.id.lowercased() == actionID.lowercased() }) { return (s, o, a) }
            }
        }
        return nil
    }
}
