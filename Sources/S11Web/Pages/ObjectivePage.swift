import S11Core

/// One objective of the plan: its title and finding to change, its actions, a form that adds one,
/// and what changed before.
struct ObjectivePage: PageModel {
    static let template = "admin-plan-objective"

    struct Fields: Encodable {
        let title: String
        let finding: String
    }

    struct Action: Encodable {
        let actionID: String
        let input: String
        let lead: String
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let objectiveID: String
    let standard: String
    /// Where an objective that did not come from the audit comes from.
    let source: String?
    let fields: Fields
    let actions: [Action]
    /// The new action's fields as typed, ids after `new-`.
    let new: ActionFormFields
    let hasHistory: Bool
    let history: [ChangeRow]
}

extension ObjectivePage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, standard: PlanStandard, objective: Objective, typed: Fields?,
         newAction: ActionFields?, errors: [FieldError], moments: MomentWords) {
        self.init(title: "Objective \(objective.id)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit),
                  id: audit.id, objectiveID: objective.id, standard: standard.heading ?? "No standard", source: objective.source,
                  fields: typed ?? Fields(title: objective.title, finding: objective.finding ?? ""),
                  actions: objective.actions.map { Action(actionID: $0.id, input: $0.input, lead: $0.leadNames) },
                  new: ActionFormFields(prefix: "new-", newAction ?? ActionFields()), hasHistory: !objective.history.isEmpty,
                  history: objective.history.reversed().map { ChangeRow($0, moments: moments) })
    }
}
