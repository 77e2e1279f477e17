import S11Core

/// One action of the plan at a time: the form that records its status, progress or new due date
/// (for the whole action or one lead), the form that changes every field, merging it into
/// another or removing it, and what changed before.
struct PlanActionPage: PageModel {
    static let template = "admin-plan-action"

    /// Another action of the plan, to merge this one into.
    struct MergeTarget: Encodable {
        let id: String
        let text: String
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let actionID: String
    let domID: String
    let standard: String
    let objectiveID: String
    let objective: String
    /// Where it stands now, in words.
    let status: String
    let progress: String?
    /// The action has no outcome and no measure yet (an officer proposed it without saying how
    /// we will know): the lead is asked to write them.
    let needsMeasure: Bool
    let hasSeveralLeads: Bool
    let leadNames: [String]
    let fields: ActionFormFields
    let mergeTargets: [MergeTarget]
    /// Whether the objective keeps another action when this one goes.
    let canRemove: Bool
    let hasHistory: Bool
    let history: [ChangeRow]
}

extension PlanActionPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, plan: Plan, standard: PlanStandard, objective: Objective, action: PlanAction,
         typed: ActionFields?, errors: [FieldError], moments: MomentWords) {
        let stored = ActionFields(input: action.input, outcome: action.outcome ?? "", measure: action.measure ?? "", lead: action.leadNames,
                                  due: action.due?.iso ?? "", timescale: action.timescale ?? "")
        let history = action.history.reversed().map { ChangeRow($0, moments: moments) }
        self.init(title: "Action \(action.id)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit),
                  id: audit.id, actionID: action.id, domID: WebApp.domID(action.id), standard: standard.heading ?? "No standard",
                  objectiveID: objective.id, objective: objective.title,
                  status: action.status.map { "\($0.rawValue): \($0.meaning)" } ?? "Not yet rated", progress: action.progress,
                  needsMeasure: action.outcome == nil && action.measure == nil,
                  hasSeveralLeads: action.leads.count > 1, leadNames: action.leads.map(\.name), fields: ActionFormFields(prefix: "", typed ?? stored),
                  mergeTargets: plan.actions.filter { $0.id != action.id }.map { MergeTarget(id: $0.id, text: "\($0.id): \($0.input)") },
                  canRemove: objective.actions.count > 1, hasHistory: !history.isEmpty, history: history)
    }
}
