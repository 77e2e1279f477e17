import S11Core

/// The wording the plan's committee formats (HTML and Word) share, so they say the same things.
enum PlanReportText {
    static let columns = ["Objective", "Action input", "Desired outcome", "Measure", "Lead", "Timescale", "Status"]

    /// "Claire Dunmore (Head of service role, Leisure and Culture)" style: the name, then where.
    static func lead(_ lead: Lead) -> String {
        let place = [lead.serviceArea].compactMap { $0 }
        return place.isEmpty ? lead.name : "\(lead.name), \(place.joined(separator: ", "))"
    }

    /// "30 June 2027", with the seeds' timescale words when the plan has them.
    static func timescale(_ action: PlanAction) -> String {
        action.timescale.map { "\($0) (by \(action.due.spelledOut))" } ?? action.due.spelledOut
    }

    /// "A: Risk of not completing on time", or "Not yet rated".
    static func status(_ status: ActionStatus?) -> String {
        status.map { "\($0.rawValue): \($0.meaning)" } ?? "Not yet rated"
    }

    /// The notes under an action: where it was carried from and its latest progress.
    static func notes(_ action: PlanAction) -> [String] {
        var notes: [String] = []
        if let carried = action.carried {
            notes.append("Carried from \(carried.plan) (\(carried.actionID), due \(carried.originalDue.spelledOut))")
        }
        if let progress = action.progress { notes.append("Progress: \(progress)") }
        return notes
    }

    static let appendixTitle = "Completed actions from the previous plan"
    static let underReviewTitle = "Areas to keep under review"
    static let underReviewIntro = "Gaps the audit found that this year's plan does not take on, with what was found, to review at the plan's six-monthly review."
}
