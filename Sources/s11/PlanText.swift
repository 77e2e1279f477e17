import S11Core

/// A plan as terminal text, laid out like the seeds: standard, objective, then each action's
/// input, desired outcome, measure, leads and timescale.
struct PlanText {
    let plan: Plan

    func render() -> String {
        let dc = plan.documentControl
        var out = "\(plan.organisation): \(plan.title)\n"
        let control = [("owner", dc.owner), ("author", dc.author), ("version", dc.version), ("last reviewed", dc.lastReviewed?.iso),
                       ("next review due", dc.nextReviewDue?.iso)].compactMap { label, value in value.map { "\(label) \($0)" } }
        if !control.isEmpty { out += control.joined(separator: " · ").capitalisedFirst + "\n" }
        out += summary()
        for standard in plan.standards {
            out += "\n\(standard.heading ?? "Objectives under no standard")\n"
            for objective in standard.objectives {
                out += "  \(objective.id) \(objective.title)\(objective.requirementID.map { " [\($0)]" } ?? "")\n"
                if let source = objective.source { out += "     From: \(source)\n" }
                if let finding = objective.finding {
                    out += "     Finding: " + finding.split(separator: "\n").joined(separator: "\n              ") + "\n"
                }
                for action in objective.actions {
                    out += "     \(action.id)\(action.status.map { " [\($0.rawValue)]" } ?? "") \(action.input)\n"
                    if let outcome = action.outcome { out += "        Outcome: \(outcome)\n" }
                    if let measure = action.measure { out += "        Measure: \(measure)\n" }
                    out += "        Lead: \(leads(action)) · \(action.timescaleText)\n"
                    if let progress = action.progress { out += "        Progress: \(progress)\n" }
                    if let carried = action.carried {
                        out += "        Carried from \(carried.plan) (\(carried.described))\n"
                    }
                }
            }
        }
        if !plan.completed.isEmpty {
            out += "\nCompleted actions from the previous plan\n"
            for done in plan.completed {
                out += "  " + [done.standardID, done.objective.map { "\($0):" }, done.action.input].compactMap { $0 }.joined(separator: " ") + "\n"
                let said = [done.action.outcome.map { "Outcome: \($0)" }, done.action.measure.map { "Measure: \($0)" }].compactMap { $0 }
                if !said.isEmpty { out += "     \(said.joined(separator: " · "))\n" }
            }
        }
        if !plan.underReview.isEmpty {
            out += "\nAreas to keep under review\n"
            for area in plan.underReview {
                out += "  \(area.standardID) \(area.title) [\(area.requirementID)]\n     Finding: \(area.finding)\n"
            }
        }
        if !dc.history.isEmpty {
            out += "\nVersion history\n"
            for revision in dc.history {
                out += "  \(revision.version) \(revision.dated)\(revision.author.map { " \($0)" } ?? ""): \(revision.note)\n"
            }
        }
        return out
    }

    /// The board's summary (`PlanSummary`): results by standard worst first, the priorities with
    /// why, the key influences and the plan's own opening words.
    private func summary() -> String {
        let summary = PlanSummary(plan)
        var out = "\n\(PlanSummary.title): \(summary.period), owner \(summary.owner ?? "not named"), version \(summary.version)\n"
        if let line = summary.resultsLine {
            out += "  \(line)\n"
            for standard in summary.standards {
                let moderated = standard.moderated == nil ? "" : ", moderated \(standard.moderatedText)"
                out += "  \(standard.standardID) \(standard.title): \(standard.rating.text)\(moderated), \(Counted(standard.gaps, "gap"))\n"
            }
        }
        if !summary.priorities.isEmpty {
            out += "\(PlanSummary.prioritiesTitle)\n"
            for (number, priority) in summary.priorities.enumerated() {
                out += "  \(number + 1). \(priority.objectiveID) \(priority.title): \(priority.why)\n"
            }
        }
        if !summary.keyInfluences.isEmpty { out += "Key influences: \(summary.keyInfluences.joined(separator: "; "))\n" }
        for paragraph in plan.introduction { out += "\(paragraph)\n" }
        return out
    }

    /// Each lead with their service area, and their own status and progress where kept.
    private func leads(_ action: PlanAction) -> String {
        action.leads.map { lead in
            lead.inLine + (lead.status.map { " [\($0.rawValue)]" } ?? "") + (lead.progress.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
    }

    /// The actions past their timescale on `day` that are not Blue.
    func overdue(on day: CalendarDate) -> String {
        let late = PlanUpdater.overdue(in: plan, on: day)
        guard !late.isEmpty else { return "no actions are overdue on \(day)\n" }
        var out = "\(Counted(late.count, "action")) overdue on \(day) (past their timescale, not Blue):\n"
        for (standard, objective, action) in late {
            let due = plan.dueDate(of: action).map { "\($0)" } ?? "no date"
            out += "  \(action.id) [\(action.status?.rawValue ?? "no status")] due \(due) · \(action.leadNames) · "
                + "\(standard.standardID.map { "\($0) " } ?? "")\(objective.title): \(action.input)\n"
        }
        return out
    }
}
