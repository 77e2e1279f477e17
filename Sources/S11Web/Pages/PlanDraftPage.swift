import S11Core

/// Before the plan is drafted: the button that drafts it, once a return is submitted.
struct PlanDraftPage: PageModel {
    static let template = "admin-plan-draft"

    let title = "Draft the plan"
    let hasErrors = false
    let csrf: String
    let coordinator: String
    let id: Int64
    let organisation: String
    let year: Int
    /// How many returns are submitted.
    let submitted: Int
    let canDraft: Bool
}

extension PlanDraftPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, submitted: Int) {
        self.init(csrf: csrf, coordinator: account.email, id: audit.id, organisation: audit.organisation, year: audit.year, submitted: submitted,
                  canDraft: submitted > 0)
    }
}
