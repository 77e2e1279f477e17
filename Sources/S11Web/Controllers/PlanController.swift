import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// The coordinator's plan: drafting it from the audit's gaps, each action's status and progress
/// through the year, changing an action's wording, merging or removing it, signing off a version,
/// and the printable plan and board XML (which board users see too). Every change goes through the
/// application's `PlanEditing`, as the command line's do.
struct PlanController: Sendable {
    let web: WebApp

    /// An action's status, progress or new due date from the plan page, for the whole action or
    /// (`for`) one of its leads.
    struct UpdateForm: Decodable {
        @NonBlank var action: String?
        @NonBlank var status: String?
        @NonBlank var progress: String?
        @NonBlank var due: String?
        @NonBlank var lead: String?

        enum CodingKeys: String, CodingKey {
            case action, status, progress, due, lead = "for"
        }
    }

    /// The action another one is merged into.
    struct MergeForm: Decodable {
        @NonBlank var into: String?
    }

    /// A new version: why, and "yes" for a major one.
    struct SignOffForm: Decodable {
        @NonBlank var note: String?
        var major: String?
    }

    /// The key influences, one a line.
    struct InfluencesForm: Decodable {
        var influences: String?
    }

    /// The drafting options, and "yes" when the draft replaces the plan there is.
    struct DraftForm: Decodable {
        @NonBlank var start: String?
        @NonBlank var most: String?
        var replace: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/plan", use: plan)
        group.page("audits/:id/plan/redraft", use: redraftForm)
        group.post("audits/:id/plan/draft", use: draft)
        group.page("audits/:id/plan.xml", use: planXML)
        group.page("audits/:id/plan/print", use: planPrint)
        group.post("audits/:id/plan/update", use: updatePlan)
        group.page("audits/:id/plan/actions/:action", use: actionForm)
        group.post("audits/:id/plan/actions/:action", use: saveAction)
        group.page("audits/:id/plan/actions/:action/remove", use: removeConfirm)
        group.post("audits/:id/plan/actions/:action/remove", use: removeAction)
        group.page("audits/:id/plan/actions/:action/merge", use: mergeConfirm)
        group.post("audits/:id/plan/actions/:action/merge", use: mergeAction)
        group.post("audits/:id/plan/version", use: signOff)
        group.post("audits/:id/plan/influences", use: saveInfluences)
    }

    /// The drafted plan, each action with a form to record its status, progress or new due date;
    /// before drafting, the button that drafts it.
    func plan(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        // After a save, the action saved, by its id (only an id the plan has is named).
        var notice: String?
        if let saved = request.uri.queryParameters["saved"].map(String.init),
           try await editing(audit).plan()?.actions.contains(where: { $0.id == saved }) == true {
            notice = "Saved \(saved)."
        }
        // After drafting, what was drafted.
        if let drafted = request.uri.queryParameters["drafted"], let plan = try await editing(audit).plan() {
            notice = "\(drafted == "again" ? "Drafted the plan again" : "Drafted the plan"): \(Counted(plan.objectives.count, "objective")) "
                + "and \(Counted(plan.actions.count, "action"))."
        }
        return try await planPage(request, context, audit: audit, errors: [], notice: notice)
    }

    /// The options of drafting the plan again, with what the new draft throws away.
    func redraftForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard try await editing(audit).plan() != nil else { return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan") }
        return try await draftPage(request, context, audit: audit, typed: nil, errors: [])
    }

    /// Drafts the plan from the audit's gaps with the options chosen, carrying last year's unfinished
    /// actions forward; replaces the plan there is only when the form says so (after the question).
    func draft(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: DraftForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let replacing = try await editing(audit).plan() != nil
        guard !replacing || form.replace == "yes" else { return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/redraft") }
        let session = try await web.app.session(audit)
        var errors: [FieldError] = []
        let start = form.start.map { CalendarDate(iso: $0.trimmingCharacters(in: .whitespaces)) } ?? PlanDrafter.Options.defaultStart(auditYear: audit.year)
        if start == nil { errors.append(FieldError(field: "start", message: "Write the plan's first day as YYYY-MM-DD, for example \(audit.year + 1)-01-01")) }
        let most = form.most.map { Int($0.trimmingCharacters(in: .whitespaces)) } ?? Self.mostObjectives(session.content)
        if most.map({ !(1...200).contains($0) }) ?? true {
            errors.append(FieldError(field: "most", message: "Write the most objectives as a whole number from 1 to 200, for example 20"))
        }
        guard errors.isEmpty, let start, let most else { return try await draftPage(request, context, audit: audit, typed: form, errors: errors) }
        let options = PlanDrafter.Options(start: start, today: WebApp.today(), owner: nil, author: context.account.author,
                                          previous: try await session.lastYearsPlan(), maxObjectives: most)
        _ = try await session.draftPlan(options: options, replace: replacing)
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan?drafted=\(replacing ? "again" : "first")")
    }

    /// The most objectives a draft takes when the lead says nothing: the survey's, else the seeds'.
    static func mostObjectives(_ content: AuditContent) -> Int {
        content.selfAssessment.maxObjectives ?? PlanDrafter.Options.seedsObjectives
    }

    func planPrint(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.summary, in: web.app)
        guard let plan = try await editing(audit).plan() else { throw HTTPError(.notFound) }
        return try web.report(request, account: context.account, audit: audit) { PlanHTMLReport().write(plan, banner: $0) }
    }

    func planXML(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.summary, in: web.app)
        guard let plan = try await editing(audit).plan() else { throw HTTPError(.notFound) }
        return Download.response(try PlanFormat.xml.write(plan), fileName: PlanFormat.xml.fileName(plan), contentType: PlanFormat.xml.contentType)
    }

    /// Records an action's status, progress or new due date from its page, or one lead's own
    /// status and progress; back to the plan, which says what was saved.
    func updatePlan(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: UpdateForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let actionID = form.action ?? ""
        let field = WebApp.domID(actionID)
        var status: ActionStatus?
        if let text = form.status {
            guard let parsed = ActionStatus(rawValue: text) else {
                return try await actionPage(request, context, audit: audit, actionID: actionID, typed: nil,
                                            errors: [FieldError(field: "\(field)-status", message: "Choose B, G, A or R for \(actionID)")])
            }
            status = parsed
        }
        var due: CalendarDate?
        if let text = form.due {
            guard let parsed = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                return try await actionPage(request, context, audit: audit, actionID: actionID, typed: nil, errors: [
                    FieldError(field: "\(field)-due", message: "Write the due date for \(actionID) as YYYY-MM-DD, for example 2027-09-30"),
                ])
            }
            due = parsed
        }
        do {
            _ = try await editing(audit).update(actionID: actionID, change: .init(status: status, progress: form.progress, due: due,
                                                                                  forLead: form.lead),
                                                by: context.account.author)
        } catch let error as PlanUpdateError {
            return try await actionPage(request, context, audit: audit, actionID: actionID, typed: nil,
                                        errors: [FieldError(field: "\(field)-status", message: error.description)])
        }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan?saved=\(actionID)#\(field)")
    }

    /// The form that changes every field of one action, with what changed before.
    func actionForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await actionPage(request, context, audit: try await context.audit(.running, in: web.app), typed: nil, errors: [])
    }

    /// Saves an action's new wording, lead and dates; only the fields that changed are recorded.
    func saveAction(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let typed = try await request.decodeForm(as: ActionFields.self)
        let audit = try await context.audit(.running, in: web.app)
        guard let plan = try await editing(audit).plan(), let action = plan.actions.first(where: { $0.id == context.parameters.get("action") }) else {
            throw HTTPError(.notFound)
        }
        let (checked, errors) = typed.checked()
        guard let checked else { return try await actionPage(request, context, audit: audit, typed: typed, errors: errors) }
        let due = checked.due
        func changed(_ value: String, _ current: String?) -> String? {
            value == (current ?? "") ? nil : value
        }
        let change = PlanUpdater.Change(due: due == action.due ? nil : due, lead: changed(typed.lead, action.leadNames),
                                        input: changed(typed.input, action.input), outcome: changed(typed.outcome, action.outcome),
                                        measure: changed(typed.measure, action.measure), timescale: changed(typed.timescale, action.timescale),
                                        removeDue: due == nil && action.due != nil)
        let anything = [change.lead, change.input, change.outcome, change.measure, change.timescale].contains { $0 != nil }
            || change.due != nil || change.removeDue
        if anything { _ = try await editing(audit).update(actionID: action.id, change: change, by: context.account.author) }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan?saved=\(action.id)#\(WebApp.domID(action.id))")
    }

    /// Asks before an action leaves the plan.
    func removeConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let action = try await editing(audit).plan()?.actions.first(where: { $0.id == context.parameters.get("action") }) else {
            throw HTTPError(.notFound)
        }
        return try web.confirm(request, context, audit: audit) { bar in
            ConfirmPage(title: "Remove action \(action.id)?", bar: bar,
                        paragraphs: ["\(action.id) \(Self.quoted(action.input)) leaves the plan, with its lead (\(action.leadNames)), dates, status and progress.",
                                     "Its wording is kept in its objective's history, and the objective stays in the plan."],
                        action: "/admin/audits/\(audit.id)/plan/actions/\(action.id)/remove", fields: [], button: "Remove \(action.id)",
                        backHref: "/admin/audits/\(audit.id)/plan/actions/\(action.id)", backText: "Keep \(action.id)")
        }
    }

    /// Asks before an action is folded into another, saying what the other one becomes.
    func mergeConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let plan = try await editing(audit).plan(), let action = plan.actions.first(where: { $0.id == context.parameters.get("action") }) else {
            throw HTTPError(.notFound)
        }
        // What the merge would make of the other action, worked out by the same rule that merges.
        guard let into = request.uri.queryParameters["into"].map(String.init), let target = plan.actions.first(where: { $0.id == into }),
              let merged = (try? PlanUpdater(by: context.account.author, at: "").mergeAction(plan, actionID: action.id, into: into))?
                  .actions.first(where: { $0.id == into }) else {
            return try await actionPage(request, context, audit: audit, typed: nil,
                                        errors: [FieldError(field: "into", message: "Choose the action to merge \(action.id) into")])
        }
        return try web.confirm(request, context, audit: audit) { bar in
            ConfirmPage(title: "Merge \(action.id) into \(target.id)?", bar: bar,
                        paragraphs: ["\(target.id) \(Self.quoted(target.input)) stays, led by \(merged.leadNames).",
                                     "\(action.id) \(Self.quoted(action.input)) leaves the plan; its wording is kept in its objective's history."],
                        action: "/admin/audits/\(audit.id)/plan/actions/\(action.id)/merge", fields: [.init(name: "into", value: target.id)],
                        button: "Merge \(action.id) into \(target.id)", backHref: "/admin/audits/\(audit.id)/plan/actions/\(action.id)",
                        backText: "Keep them apart")
        }
    }

    private static func quoted(_ text: String) -> String {
        "(\u{201C}\(text.count > 120 ? text.prefix(117) + "..." : text)\u{201D})"
    }

    /// Takes an action out of the plan; its wording stays in the objective's history.
    func removeAction(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let actionID = context.parameters.get("action") ?? ""
        do {
            _ = try await editing(audit).removeAction(actionID, by: context.account.author)
        } catch let error as PlanUpdateError {
            return try await actionPage(request, context, audit: audit, typed: nil, errors: [FieldError(field: "remove", message: error.description)])
        }
        return try await planPage(request, context, audit: audit, errors: [], notice: "Removed \(actionID); its wording is kept in its objective's history.")
    }

    /// Folds an action into another one of the plan's, whose lead still answers for it, the folded one's named with them.
    func mergeAction(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: MergeForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let actionID = context.parameters.get("action") ?? ""
        guard let target = form.into else {
            return try await actionPage(request, context, audit: audit, typed: nil,
                                        errors: [FieldError(field: "into", message: "Choose the action to merge \(actionID) into")])
        }
        do {
            _ = try await editing(audit).mergeAction(actionID, into: target, by: context.account.author)
        } catch let error as PlanUpdateError {
            return try await actionPage(request, context, audit: audit, typed: nil, errors: [FieldError(field: "into", message: error.description)])
        }
        return try await planPage(request, context, audit: audit, errors: [], notice: "Merged \(actionID) into \(target).")
    }

    /// Signs off a new version: minor, or major when the plan is agreed, with a note.
    func signOff(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: SignOffForm.self)
        let audit = try await context.audit(.running, in: web.app)
        guard let note = form.note else {
            return try await planPage(request, context, audit: audit, errors: [
                FieldError(field: "note", message: "Say why the version changes, for example \"Signed off by cabinet\""),
            ], notice: nil)
        }
        let plan = try await editing(audit).signOff(note: note, major: form.major == "yes", by: context.account.author, on: WebApp.today())
        return try await planPage(request, context, audit: audit, errors: [],
                                  notice: "The plan is now version \(plan.documentControl.version ?? "unnumbered").")
    }

    /// Saves the key influences the board's summary lists; back to the plan, which says so.
    func saveInfluences(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: InfluencesForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let lines = (form.influences ?? "").split(whereSeparator: \.isNewline).map(String.init)
        do {
            _ = try await editing(audit).setKeyInfluences(lines, by: context.account.author)
        } catch let error as PlanUpdateError {
            return try await planPage(request, context, audit: audit, errors: [FieldError(field: "influences", message: error.description.capitalisedFirst)],
                                      notice: nil)
        }
        return try await planPage(request, context, audit: audit, errors: [], notice: "Saved the key influences.")
    }

    // MARK: Pages

    private func editing(_ audit: AuditRecord) -> PlanEditing {
        web.planEditing(audit)
    }

    private func actionPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, actionID: String? = nil,
                            typed: ActionFields?, errors: [FieldError]) async throws -> Response {
        let wanted = actionID ?? context.parameters.get("action")
        guard let plan = try await editing(audit).plan(),
              let (standard, objective, action) = plan.standards.lazy.flatMap({ standard in
                  standard.objectives.lazy.flatMap { objective in objective.actions.lazy.map { (standard, objective, $0) } }
              }).first(where: { $0.2.id == wanted }) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = PlanActionPage(account: context.account, csrf: csrf.token, audit: audit, plan: plan, standard: standard, objective: objective,
                                  action: action, typed: typed, errors: errors, moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func planPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, errors: [FieldError],
                          notice: String?) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        guard let plan = try await editing(audit).plan() else {
            return try await draftPage(request, context, audit: audit, typed: nil, errors: [])
        }
        let query = request.uri.queryParameters
        let filter = PlanPage.Filter(status: query["status"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, overdueOnly: query["overdue"] == "1")
        let page = PlanPage(account: context.account, csrf: csrf.token, audit: audit, plan: plan, today: WebApp.today(), filter: filter, notice: notice,
                            errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    /// Drafting the plan, the first time or again, with its options as typed.
    private func draftPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, typed: DraftForm?,
                           errors: [FieldError]) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await web.app.session(audit)
        let submitted = try await session.officerStatuses().filter { $0.status == .submitted }.count
        let page = PlanDraftPage(account: context.account, csrf: csrf.token, audit: audit, submitted: submitted, current: try await editing(audit).plan(),
                                 start: typed?.start ?? PlanDrafter.Options.defaultStart(auditYear: audit.year).iso,
                                 most: typed?.most ?? String(Self.mostObjectives(session.content)), errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
