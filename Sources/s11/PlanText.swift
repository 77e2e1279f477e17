import S11Core

/// A plan as terminal text, laid out like the seeds: standard, objective, then each action's
/// input, desired outcome, measure, lead and timescale.
struct PlanText {
    let plan: Plan

    func render() -> String {
        let dc = plan.documentControl
        var out = "\(plan.organisation): \(plan.title)\n"
        out += "Owner \(dc.owner) · author \(dc.author) · version \(dc.version) · last reviewed \(dc.lastReviewed) · next review due \(dc.nextReviewDue)\n"
        for standard in plan.standards {
            out += "\n\(standard.standardID) \(standard.title)\n"
            for objective in standard.objectives {
                out += "  \(objective.id) \(objective.title)\(objective.requirementID.map { " [\($0)]" } ?? "")\n"
                if let finding = objective.finding { out += "     Finding: \(finding)\n" }
                for action in objective.actions {
                    out += "     \(action.id)\(action.status.map { " [\($0.rawValue)]" } ?? "") \(action.input)\n"
                    out += "        Outcome: \(action.outcome)\n        Measure: \(action.measure)\n"
                    out += "        Lead: \(action.lead.name)\(action.lead.serviceArea.map { " (\($0))" } ?? "") · due \(action.due)"
                        + (action.timescale.map { " (\($0))" } ?? "") + "\n"
                    if let progress = action.progress { out += "        Progress: \(progress)\n" }
                    if let carried = action.carried {
                        out += "        Carried from \(carried.plan) (\(carried.actionID), due \(carried.originalDue))\n"
                    }
                }
            }
        }
        if !plan.completed.isEmpty {
            out += "\nCompleted actions from the previous plan\n"
            for done in plan.completed {
                out += "  \(done.standardID) \(done.objective): \(done.action.input)\n"
                out += "     Outcome: \(done.action.outcome) · Measure: \(done.action.measure)\n"
            }
        }
        if !plan.underReview.isEmpty {
            out += "\nAreas to keep under review\n"
            for area in plan.underReview {
                out += "  \(area.standardID) \(area.title) [\(area.requirementID)]\n     Finding: \(area.finding)\n"
            }
        }
        out += "\nVersion history\n"
        for revision in dc.history { out += "  \(revision.version) \(revision.date) \(revision.author): \(revision.note)\n" }
        return out
    }

    /// The actions past their timescale on `day` that are not Blue.
    func overdue(on day: CalendarDate) -> String {
        let late = PlanUpdater.overdue(in: plan, on: day)
        guard !late.isEmpty else { return "no actions are overdue on \(day)\n" }
        var out = "\(late.count) action\(late.count == 1 ? "" : "s") overdue on \(day) (past their timescale, not Blue):\n"
        for (standard, objective, action) in late {
            out += "  \(action.id) [\(action.status?.rawValue ?? "no status")] due \(action.due) · \(action.lead.name) · "
                + "\(standard.standardID) \(objective.title): \(action.input)\n"
        }
        return out
    }
}
