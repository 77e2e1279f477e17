import S11Core

/// The drafted plan: the board's priorities and the key influences (editable), then under each
/// standard its actions, as the filters (status, overdue) choose them, each linking to its own
/// page where progress is recorded; the areas kept under review, the versions, and the form that
/// signs off a new one.
struct PlanPage: PageModel {
    static let template = "admin-plan"

    struct Standard: Encodable {
        let title: String
        let actions: [Action]
    }

    struct Action: Encodable {
        let domID: String
        let actionID: String
        let input: String
        let objectiveID: String
        let objective: String
        /// Where an objective that did not come from the audit comes from.
        let source: String?
        let lead: String
        let due: String
        let overdue: Bool
        let status: String
        let progress: String?
        /// Each lead's own status and progress, where they have one.
        let leadStatuses: [String]
    }

    struct ReviewArea: Encodable {
        let standard: String
        let requirement: String
        let title: String
        let finding: String
    }

    /// One of the board's priorities: the objective and why.
    struct Priority: Encodable {
        let objectiveID: String
        let title: String
        let why: String
    }

    struct Version: Encodable {
        let version: String
        let date: String
        let author: String
        let note: String
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let organisation: String
    let planTitle: String
    let version: String
    let notice: String?
    /// The board's summary: its priorities and the key influences, one a line, as the form edits them.
    let hasPriorities: Bool
    let priorities: [Priority]
    let keyInfluences: String
    let influencesError: String?
    let statusChoices: [SelectOption]
    let overdueOnly: Bool
    /// "12 of 20 actions", by the filters.
    let shown: String
    let standards: [Standard]
    let hasUnderReview: Bool
    let underReview: [ReviewArea]
    let hasVersions: Bool
    let versions: [Version]
    /// The sign-off form's two choices, from the version the plan has now.
    let minorChoice: String
    let majorChoice: String
}

extension PlanPage {
    /// The filters as the plan page's query gives them: a status (`B`, `G`, `A`, `R`, or `none`), overdue only.
    struct Filter {
        var status: String?
        var overdueOnly: Bool
    }

    init(account: Coordinator, csrf: String, audit: AuditRecord, plan: Plan, today: CalendarDate, filter: Filter, notice: String?,
         errors: [FieldError]) {
        func chosen(_ action: PlanAction) -> Bool {
            (filter.status.map { $0 == (action.status?.rawValue ?? "none") } ?? true) && (!filter.overdueOnly || plan.isOverdue(action, on: today))
        }
        let standards = plan.standards.map { standard in
            Standard(title: standard.heading ?? "Objectives under no standard", actions: standard.objectives.flatMap { objective in
                objective.actions.filter(chosen).map { action in
                    Action(domID: WebApp.domID(action.id), actionID: action.id, input: action.input, objectiveID: objective.id,
                           objective: objective.title, source: objective.source, lead: action.leadNames, due: action.timescaleText,
                           overdue: plan.isOverdue(action, on: today),
                           status: action.status.map { "\($0.rawValue): \($0.meaning)" } ?? "Not yet rated", progress: action.progress,
                           leadStatuses: action.leads.compactMap { lead in
                               let own = [lead.status.map(\.rawValue), lead.progress].compactMap { $0 }
                               return own.isEmpty ? nil : "\(lead.name): \(own.joined(separator: ", "))"
                           })
                }
            })
        }.filter { !$0.actions.isEmpty }
        let shownCount = standards.map(\.actions.count).reduce(0, +)
        let versions = plan.documentControl.history.reversed().map { revision in
            Version(version: revision.version, date: revision.spelledDate, author: revision.author ?? "", note: revision.note)
        }
        let step = PlanVersionStep(from: plan.documentControl.version)
        let summary = PlanSummary(plan)
        let underReview = plan.underReview.map { area in
            ReviewArea(standard: "\(area.standardID) \(area.standardTitle)", requirement: area.requirementID, title: area.title, finding: area.finding)
        }
        self.init(title: plan.title, form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), id: audit.id,
                  organisation: plan.organisation, planTitle: plan.title, version: plan.documentControl.version ?? "as published", notice: notice,
                  hasPriorities: !summary.priorities.isEmpty,
                  priorities: summary.priorities.map { Priority(objectiveID: $0.objectiveID, title: $0.title, why: $0.why) },
                  keyInfluences: summary.keyInfluences.joined(separator: "\n"),
                  influencesError: errors.first { $0.field == "influences" }?.message,
                  statusChoices: [("R", "R: high risk"), ("A", "A: at risk"), ("none", "Not yet rated"), ("G", "G: on target"), ("B", "B: completed")]
                      .map { SelectOption(id: $0.0, label: $0.1, selected: $0.0 == filter.status) },
                  overdueOnly: filter.overdueOnly, shown: "\(shownCount) of \(Counted(plan.actions.count, "action"))",
                  standards: standards, hasUnderReview: !underReview.isEmpty, underReview: underReview, hasVersions: !versions.isEmpty,
                  versions: versions, minorChoice: Self.minorChoice(step), majorChoice: Self.majorChoice(step))
    }

    /// "A minor version (0.1 to 0.2): changes while the plan is in draft", or after it was agreed.
    static func minorChoice(_ step: PlanVersionStep) -> String {
        "A minor version (\(step.current) to \(step.minor)): " + (step.agreed ? "changes to the agreed plan" : "changes while the plan is in draft")
    }

    /// "A major version (0.3 to 1.0): the plan is agreed", or agreed again.
    static func majorChoice(_ step: PlanVersionStep) -> String {
        "A major version (\(step.current) to \(step.major)): " + (step.agreed ? "the plan is agreed again" : "the plan is agreed")
    }
}
