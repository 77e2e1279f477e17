import S11Core

/// Before the plan is drafted: the button that drafts it, once a return is submitted.
struct PlanDraftPage: PageModel {
    static let template = "admin-plan-draft"

    let title = "Draft the plan"
    let hasErrors = false
    let bar: SignedInBar
    let heading: AuditTitle
    /// How many returns are submitted, in words ("2 submitted returns").
    let submitted: String
    let canDraft: Bool
}

extension PlanDraftPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, submitted: Int) {
        self.init(bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit),
                  submitted: Counted(submitted, "submitted return").description,
                  canDraft: submitted > 0)
    }
}
