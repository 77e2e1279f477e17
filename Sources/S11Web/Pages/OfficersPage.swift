import Foundation
import S11Core

/// The audit's officers: the CSV upload (with each problem of a refused file), the list with
/// links to change or remove each one, and the form that adds one.
struct OfficersPage: PageModel {
    static let template = "admin-officers"

    struct Officer: Encodable {
        let name: String
        let email: String
        /// The e-mail address, encoded for the change and remove links' query.
        let query: String
        let serviceArea: String
        let role: String
        let status: String
    }

    let title = "Officers"
    let form: FormErrors
    let bar: SignedInBar
    let heading: AuditTitle
    let notice: String?
    let hasProblems: Bool
    let problems: [ProblemRow]
    /// The refused file's name, when there are problems.
    let fileName: String?
    /// The CSV's columns, for the upload's hint.
    let columns: String
    let hasOfficers: Bool
    let officers: [Officer]
    /// The add form's fields as typed.
    let typed: OfficerFields
    let roles: [SelectOption]
    /// The content's service areas to choose from; empty when the content has no list, and the area is typed.
    let areas: [SelectOption]
    let hasAreaList: Bool
}

extension OfficersPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, content: AuditContent, statuses: [OfficerStatus], typed: OfficerFields,
         typedRole: String?, notice: String?, errors: [FieldError], problems: [ProblemRow], fileName: String?) {
        let areas = ServiceAreaList(content: content).names.map { SelectOption(id: $0, label: $0, selected: $0 == typed.serviceArea) }
        let officers = statuses.map { status in
            Officer(name: status.officer.name, email: status.officer.email,
                    query: status.officer.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                    serviceArea: status.officer.serviceArea, role: content.selfAssessment.roleLabel(status.officer.role), status: status.status.label)
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit),
                  notice: notice, hasProblems: !problems.isEmpty, problems: problems,
                  fileName: fileName, columns: OfficerListReader.columns.joined(separator: ","), hasOfficers: !officers.isEmpty, officers: officers,
                  typed: typed, roles: content.selfAssessment.roles.map { SelectOption(id: $0.id, label: $0.label, selected: $0.id == typedRole) },
                  areas: areas, hasAreaList: !areas.isEmpty)
    }
}
