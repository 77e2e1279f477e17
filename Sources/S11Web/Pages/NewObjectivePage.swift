import S11Core

/// An objective that did not come from the audit (a serious case review's learning point, a board
/// priority), under the standard chosen, with its first action.
struct NewObjectivePage: PageModel {
    static let template = "admin-plan-objective-new"

    struct Standard: Encodable {
        let id: String
        let title: String
        let selected: Bool
    }

    /// The objective's fields as typed.
    struct Fields: Encodable {
        let source: String
        let title: String
        let finding: String
    }

    let title = "Add an objective"
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let standards: [Standard]
    let fields: Fields
    /// Its first action's fields as typed.
    let action: ActionFormFields
}

extension NewObjectivePage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, plan: Plan, chosenStandard: String?, fields: Fields, action: ActionFields,
         errors: [FieldError]) {
        let choices = plan.results?.standards.map { ($0.standardID, "\($0.standardID) \($0.title)") }
            ?? plan.standards.compactMap { standard in standard.standardID.map { ($0, standard.heading ?? $0) } }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), id: audit.id,
                  standards: choices.map { Standard(id: $0.0, title: $0.1, selected: $0.0 == chosenStandard) }, fields: fields,
                  action: ActionFormFields(prefix: "", action))
    }
}
