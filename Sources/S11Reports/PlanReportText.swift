import S11Core

/// The wording the plan's committee formats (HTML and Word) share, so they say the same things.
enum PlanReportText {
    /// The 2021-22 seed's columns, with Status where the plan tracks any action's status.
    static func columns(_ plan: Plan) -> [String] {
        ["Standard", "Objective", "Action input", "Desired outcome", "Lead", "Timescale"] + (tracksStatus(plan) ? ["Status"] : [])
    }

    /// Whether any action or lead of the plan has a status (a newly published plan has none).
    static func tracksStatus(_ plan: Plan) -> Bool {
        plan.actions.contains { $0.status != nil || $0.leads.contains { $0.status != nil } }
    }

    /// The line under the title: the audit the plan answers and its period.
    static func introduction(_ plan: Plan) -> String {
        "From the \(plan.auditYear) safeguarding self-assessment audit. Period \(plan.periodStart.spelledOut) to \(plan.periodEnd.spelledOut)."
    }

    /// The objective cell: its number and title, its source when it is not an audit gap, and its finding.
    static func objective(_ objective: Objective) -> [String] {
        ["\(objective.id) \(objective.title)"] + (objective.source.map { ["From: \($0)"] } ?? []) + (objective.finding.map { [$0] } ?? [])
    }

    /// The results' opening line, in the committee's words (the audit's year, no catalogue ids):
    /// "9 returns to the 2026 self-assessment audit; overall 75.1% Green."
    static func resultsLine(_ plan: Plan, _ results: PlanResults) -> String {
        "\(Counted(results.returns, "return")) to the \(plan.auditYear) self-assessment audit; overall \(results.overall.text)."
    }

    /// The desired-outcome cell: the outcome, then how it is measured.
    static func outcome(_ action: PlanAction) -> [String] {
        (action.outcome.map { [$0] } ?? []) + (action.measure.map { ["Measure: \($0)"] } ?? [])
    }

    /// One line per lead: "Cara Cole, Housing", a supporting one "with Ben Birch", with that lead's
    /// own status and progress where kept.
    static func leads(_ action: PlanAction) -> [String] {
        action.leads.map { lead in
            let place = (lead.isSupporting ? "with " : "") + (lead.serviceArea.map { "\(lead.name), \($0)" } ?? lead.name)
            let tracked = [lead.status.map(\.rawValue), lead.progress].compactMap { $0 }
            return tracked.isEmpty ? place : "\(place) (\(tracked.joined(separator: ": ")))"
        }
    }

    /// "A: Risk of not completing on time", or "Not yet rated".
    static func status(_ status: ActionStatus?) -> String {
        status.map { "\($0.rawValue): \($0.meaning)" } ?? "Not yet rated"
    }

    /// The notes under an action: where it was carried from and its latest progress.
    static func notes(_ action: PlanAction) -> [String] {
        var notes: [String] = []
        if let carried = action.carried {
            notes.append("Carried from \(carried.plan) (\(carried.described))")
        }
        if let progress = action.progress { notes.append("Progress: \(progress)") }
        return notes
    }

    /// Document control as the plan gives it: each field it states, by name.
    static func documentControl(_ dc: DocumentControl) -> [(label: String, value: String)] {
        [("Document", dc.document), ("Owner", dc.owner), ("Author", dc.author), ("Version", dc.version),
         ("Last reviewed", dc.lastReviewed?.spelledOut), ("Next review due", dc.nextReviewDue?.spelledOut), ("Notes", dc.notes)]
            .compactMap { label, value in value.map { (label, $0) } }
    }

    static let keyInfluencesTitle = "Key influences and inputs"
    static let appendixTitle = "Completed actions from the previous plan"
    static let underReviewTitle = "Areas to keep under review"
    static let underReviewIntro = "Gaps the audit found that this year's plan does not take on, with what was found, to review at the plan's six-monthly review."
}
