import S11Core

/// Before the plan is drafted: the button that drafts it, once a return is submitted.
struct PlanDraftPage: PageModel {
    static let template = "admin-plan-draft"

    let title = "Draft the plan"
    let hasErrors = false
    let bar: SignedInBar
    let heading: AuditTitle
    /// How many returns are submitted.
    let submitted: Int
    let canDraft: Bool
}

extension PlanDraftPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, submitted: Int) {
        self.init(bar: SignedInBar(account: account, csrf: csrf), heading: AuditTitle(audit), submitted: submitted,
                  canDraft: submitted > 0)
    }
}
