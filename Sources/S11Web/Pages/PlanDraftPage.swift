import S11Core

/// Drafting the plan: before the first draft, the button that drafts it once a return is
/// submitted; once drafted, the options of drafting it again (its start, the most objectives)
/// and what is lost when the new draft replaces the plan.
struct PlanDraftPage: PageModel {
    static let template = "admin-plan-draft"

    /// What drafting again throws away, counted from the plan as it is.
    struct Replacing: Encodable {
        let version: String
        /// "12 recorded changes", "1 objective added by hand", "2 signed-off versions"; empty when nothing was changed.
        let losses: [String]
        let hasLosses: Bool
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let heading: AuditTitle
    /// How many returns are submitted, in words ("2 submitted returns").
    let submitted: String
    let canDraft: Bool
    /// The plan's first day as typed, YYYY-MM-DD.
    let start: String
    /// The most objectives to take from the gaps, as typed.
    let most: String
    let replacing: Replacing?
}

extension PlanDraftPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, submitted: Int, current: Plan?, start: String, most: String,
         errors: [FieldError]) {
        let replacing = current.map { plan in
            let changes = plan.objectives.map { $0.history.count + $0.actions.map(\.history.count).reduce(0, +) }.reduce(0, +)
            let added = plan.objectives.filter { $0.requirementID == nil && $0.source != nil }.count
            // The first line of the history is the draft itself, which the new draft writes again.
            let signed = max(0, plan.documentControl.history.count - 1)
            let losses = [(changes, Counted(changes, "recorded change").description + " to objectives and actions (wording, leads, dates, statuses, progress)"),
                          (added, Counted(added, "objective").description + " added by hand"),
                          (signed, Counted(signed, "signed-off version").description + " in the version history")]
            let lost = losses.filter { $0.0 > 0 }.map(\.1)
            return Replacing(version: plan.documentControl.version ?? "unnumbered", losses: lost, hasLosses: !lost.isEmpty)
        }
        self.init(title: current == nil ? "Draft the plan" : "Draft the plan again", form: FormErrors(errors),
                  bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit),
                  submitted: Counted(submitted, "submitted return").description, canDraft: submitted > 0, start: start, most: most,
                  replacing: replacing)
    }
}
