import S11Core

/// The form that changes one officer's name, role or service area.
struct OfficerChangePage: PageModel {
    static let template = "admin-officer-change"

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let email: String
    let typed: OfficerFields
    let roles: [SelectOption]
    /// The content's service areas to choose from; empty when the content has no list, and the area is typed.
    let areas: [SelectOption]
    let hasAreaList: Bool
}

extension OfficerChangePage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, content: AuditContent, officer: Officer, typed: OfficerFields,
         typedRole: String?, errors: [FieldError]) {
        let areas = ServiceAreaList(content: content).names.map { SelectOption(id: $0, label: $0, selected: $0 == typed.serviceArea) }
        self.init(title: "Change \(officer.name)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit),
                  id: audit.id, email: officer.email, typed: typed,
                  roles: content.selfAssessment.roles.map { SelectOption(id: $0.id, label: $0.label, selected: $0.id == typedRole) },
                  areas: areas, hasAreaList: !areas.isEmpty)
    }
}
