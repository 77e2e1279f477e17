import S11Core

/// "Check before you remove": what goes with the officer.
struct OfficerRemovePage: PageModel {
    static let template = "admin-officer-remove"

    let title: String
    let hasErrors = false
    let bar: SignedInBar
    let id: Int64
    let name: String
    let email: String
    let serviceArea: String
    /// How many answers their return holds, in words.
    let answered: String
    let status: String
}

extension OfficerRemovePage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, status: OfficerStatus) {
        self.init(title: "Remove \(status.officer.name)", bar: SignedInBar(account: account, csrf: csrf, audit: audit), id: audit.id,
                  name: status.officer.name,
                  email: status.officer.email, serviceArea: status.officer.serviceArea, answered: Counted(status.answered, "answer").description,
                  status: status.status.label)
    }
}
