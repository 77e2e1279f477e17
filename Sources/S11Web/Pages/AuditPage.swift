import S11Core

/// An audit as its coordinator runs it: the steps in order as a task list, who has returned (by
/// service area and by officer, overdue after the deadline) and reopening a submitted return.
struct AuditPage: PageModel {
    static let template = "admin-audit"

    /// A step of the audit and where it stands.
    struct Task: Encodable {
        let id: String
        let name: String
        let href: String
        let state: String
        let done: Bool
    }

    struct Area: Encodable {
        let name: String
        let notStarted: Int
        let inProgress: Int
        let submitted: Int
        let overdue: Int
    }

    struct Officer: Encodable {
        let name: String
        let email: String
        /// The e-mail address, encoded for the reopen link's query.
        let query: String
        let serviceArea: String
        let role: String
        let status: String
        let statusClass: String
        let answered: String
        /// Whether the return is submitted, and can be reopened.
        let reopen: Bool
    }

    /// What the page knows of an audit's steps beyond its officers' statuses.
    struct Progress {
        /// The e-mail addresses (lower-cased) of the officers an invitation or reminder reached.
        var reached: Set<String>
        var staffAnswerSets: Int
        var plan: Plan?
        var membership: (round: BoardRound, member: RoundMemberStatus)?
    }

    let title: String
    let hasErrors = false
    let bar: SignedInBar
    let heading: AuditTitle
    let notice: String?
    let tasks: [Task]
    let officerCount: Int
    let submitted: Int
    let deadline: String?
    let areas: [Area]
    let officers: [Officer]
}

extension AuditPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, content: AuditContent, statuses: [OfficerStatus], deadline: CalendarDate?,
         today: CalendarDate, progress: Progress, notice: String?) {
        func overdue(_ status: OfficerStatus) -> Bool {
            guard let deadline else { return false }
            return status.status != .submitted && today > deadline
        }
        let officers = statuses.map { status in
            Officer(name: status.officer.name, email: status.officer.email,
                    query: status.officer.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                    serviceArea: status.officer.serviceArea,
                    role: content.selfAssessment.roleLabel(status.officer.role),
                    status: overdue(status) ? "overdue (\(status.status.label))" : status.status.label,
                    statusClass: overdue(status) ? "overdue" : status.status.rawValue,
                    answered: "\(status.answered)/\(content.questions(forRole: status.officer.role).count)", reopen: status.status == .submitted)
        }
        let areas = Dictionary(grouping: statuses, by: \.officer.serviceArea).sorted { $0.key < $1.key }.map { area, group in
            Area(name: area, notStarted: group.filter { $0.status == .notStarted }.count, inProgress: group.filter { $0.status == .inProgress }.count,
                 submitted: group.filter { $0.status == .submitted }.count, overdue: group.filter(overdue).count)
        }
        self.init(title: "\(audit.organisation) \(audit.year)", bar: SignedInBar(account: account, csrf: csrf), heading: AuditTitle(audit),
                  notice: notice, tasks: Self.tasks(audit, statuses: statuses, progress: progress),
                  officerCount: statuses.count, submitted: statuses.filter { $0.status == .submitted }.count, deadline: deadline?.spelledOut,
                  areas: areas, officers: officers)
    }

    /// The audit's steps in order, each with where it stands, as a GOV.UK task list.
    private static func tasks(_ audit: AuditRecord, statuses: [OfficerStatus], progress: Progress) -> [Task] {
        let base = "/admin/audits/\(audit.id)"
        let officers = statuses.count
        let invited = statuses.filter { progress.reached.contains($0.officer.email.lowercased()) }.count
        let submitted = statuses.filter { $0.status == .submitted }.count
        let staff = progress.staffAnswerSets
        let plan = progress.plan
        func task(_ name: String, _ href: String, _ state: String, done: Bool) -> Task {
            Task(id: WebApp.domID(name), name: name, href: href, state: state, done: done)
        }
        let board = progress.membership.map { round, member in
            task("Submit to \(round.board)", "\(base)/board", member.submittedAt != nil ? "Submitted" : "Due \(round.deadline.spelledOut)",
                 done: member.submittedAt != nil)
        }
        return [
            task("Officers", "\(base)/officers", officers == 0 ? "Not started" : Counted(officers, "officer").description, done: officers > 0),
            task("Invitations and reminders", "\(base)/invitations",
                 invited == 0 ? "Not started" : invited < officers ? "\(invited) of \(officers) sent" : "Sent", done: officers > 0 && invited == officers),
            task("Officers' returns", "\(base)#returns", "\(submitted) of \(officers) submitted", done: officers > 0 && submitted == officers),
            task("Staff confidence survey", "\(base)/staff", staff == 0 ? "No answers yet" : "\(staff) answers", done: staff > 0),
            task("Scores and moderation", "\(base)/moderation", submitted == 0 ? "Cannot start yet" : "Ready", done: false),
            task("Next year's plan", "\(base)/plan", plan.map { "Version \($0.documentControl.version ?? "as published")" } ?? "Not drafted", done: plan != nil),
            task("Downloads", "\(base)/downloads", plan == nil ? "Report and scores" : "Plan, report and scores", done: false),
        ] + (board.map { [$0] } ?? [])
    }
}
