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
                    out += "        Lead: \(action.lead.name)\(action.lead.serviceArea.map { " (\($0))" } ?? "") · due \(action.due)\n"
                }
            }
        }
        out += "\nVersion history\n"
        for revision in dc.history { out += "  \(revision.version) \(revision.date) \(revision.author): \(revision.note)\n" }
        return out
    }
}
