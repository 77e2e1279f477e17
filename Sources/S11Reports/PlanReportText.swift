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

    /// The objective cell, as the seeds write it: its number and title, and its source when it is
    /// not an audit gap. What the audit found is in its own table (`findings`).
    static func objective(_ objective: Objective) -> [String] {
        ["\(objective.id) \(objective.title)"] + (objective.source.map { ["From: \($0)"] } ?? [])
    }

    /// "What the audit found", one row an objective that has a finding: its number and title, and
    /// the finding a line a paragraph (the requirement, the sentence, the evidence), at the width
    /// of the page rather than in the objective's narrow column.
    static func findings(_ plan: Plan) -> [(objective: String, lines: [String])] {
        plan.objectives.compactMap { objective in
            objective.finding.map { ("\(objective.id) \(objective.title)", $0.split(separator: "\n").map(String.init)) }
        }
    }

    static let findingsTitle = "What the audit found"

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
