/// The letter a challenge panel sends an organisation after its challenge event, drafted for the
/// panel to edit: what the panel changed and why, the organisation's strengths, the areas to
/// improve, and when the board expects the action plan.
public struct FeedbackLetter: Sendable {
    public var board: String
    public var organisation: String
    public var leadName: String
    public var eventTitle: String
    public var heldOn: CalendarDate
    public var panel: [String]
    public var planDue: CalendarDate

    public init(board: String, organisation: String, leadName: String, eventTitle: String, heldOn: CalendarDate, panel: [String],
                planDue: CalendarDate) {
        self.board = board
        self.organisation = organisation
        self.leadName = leadName
        self.eventTitle = eventTitle
        self.heldOn = heldOn
        self.panel = panel
        self.planDue = planDue
    }

    /// The draft from the organisation's scorecard, its gaps and the moderation changes the panel made.
    public func draft(card: Scorecard, gaps: [Gap], changes: [ModerationChange]) -> String {
        var lines = ["Dear \(leadName),", "",
                     "Thank you for \(organisation)'s safeguarding self-assessment and for taking part in \(eventTitle) on \(heldOn.spelledOut). The panel (\(panel.joined(separator: ", "))) tested your ratings against the evidence you gave.", ""]
        lines.append("What the panel changed")
        if changes.isEmpty {
            lines.append("- The panel agreed your ratings as submitted.")
        }
        for change in changes {
            let own = card.rating(of: change.scope)
            let moved = change.new.map { "moderated to \($0.label)\(Moderation.scoreText(change.newOption))" } ?? "moderation withdrawn"
            lines.append("- \(change.scope.kind.capitalisedFirst) \(change.scope.id): self-assessed \(own?.text ?? "unrated"), \(moved). \(change.reason)")
        }
        if let moderated = card.moderatedOverall {
            lines.append("- Overall: self-assessed \(card.overall.text), moderated \(moderated.text).")
        }
        lines += ["", "Strengths"]
        let strong = card.standards.filter { $0.effectiveRag == .blue || $0.effectiveRag == .green }
        lines += strong.isEmpty ? ["- None of the standards is yet rated Green or Blue."]
            : strong.map { "- Standard \($0.number), \($0.title): \(($0.moderatedRating ?? $0.rating).text)." }
        lines += ["", "Areas to improve"]
        lines += gaps.isEmpty ? ["- The panel found no gaps."] : gaps.map { "- \($0.requirementID): \($0.explanation)" }
        lines += ["", "Please send the board your action plan for these areas by \(planDue.spelledOut).", "", "Yours sincerely,", "",
                  "For \(board)"]
        return lines.joined(separator: "\n") + "\n"
    }
}
