import S11Core

/// The form that changes one officer's name, role or service area.
struct OfficerChangePage: PageModel {
    static let template = "admin-officer-change"

    let title: String
    let hasErrors: Bool
    let errors: [FieldError]
    let csrf: String
    let coordinator: String
    let id: Int64
    let email: String
    let typed: OfficerFields
    let roles: [RoleChoice]
}

extension OfficerChangePage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, content: AuditContent, officer: Officer, typed: OfficerFields,
         typedRole: String?, errors: [FieldError]) {
        self.init(title: "Change \(officer.name)", hasErrors: !errors.isEmpty, errors: errors, csrf: csrf, coordinator: account.email,
                  id: audit.id, email: officer.email, typed: typed,
                  roles: content.selfAssessment.roles.map { RoleChoice(id: $0.id, label: $0.label, selected: $0.id == typedRole) })
    }
}
