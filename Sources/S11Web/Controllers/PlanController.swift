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

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/plan", use: plan)
        group.post("audits/:id/plan/draft", use: draft)
        group.page("audits/:id/plan.xml", use: planXML)
        group.page("audits/:id/plan/print", use: planPrint)
        group.post("audits/:id/plan/update", use: updatePlan)
        group.page("audits/:id/plan/actions/:action", use: actionForm)
        group.post("audits/:id/plan/actions/:action", use: saveAction)
        group.post("audits/:id/plan/actions/:action/remove", use: removeAction)
        group.post("audits/:id/plan/actions/:action/merge", use: mergeAction)
        group.post("audits/:id/plan/version", use: signOff)
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
        return try await planPage(request, context, audit: audit, errors: [], notice: notice)
    }

    /// Drafts the plan from the audit's gaps, carrying last year's unfinished actions forward.
    func draft(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard try await editing(audit).plan() == nil else { return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan") }
        let session = try await web.app.session(audit)
        let last = try await session.lastYearsPlan()
        let options = PlanDrafter.Options(start: PlanDrafter.Options.defaultStart(auditYear: audit.year), today: WebApp.today(),
                                          owner: nil, author: context.account.email, previous: last)
        _ = try await session.draftPlan(options: options, replace: false)
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan")
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

    /// Records an action's status, progress or new due date from the plan page, or one lead's own
    /// status and progress.
    func updatePlan(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: UpdateForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let actionID = form.action ?? ""
        let field = WebApp.domID(actionID)
        var status: ActionStatus?
        if let text = form.status {
            guard let parsed = ActionStatus(rawValue: text) else {
                return try await planPage(request, context, audit: audit,
                                          errors: [FieldError(field: "\(field)-status", message: "Choose B, G, A or R for \(actionID)")], notice: nil)
            }
            status = parsed
        }
        var due: CalendarDate?
        if let text = form.due {
            guard let parsed = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                return try await planPage(request, context, audit: audit, errors: [
                    FieldError(field: "\(field)-due", message: "Write the due date for \(actionID) as YYYY-MM-DD, for example 2027-09-30"),
                ], notice: nil)
            }
            due = parsed
        }
        do {
            _ = try await editing(audit).update(actionID: actionID, change: .init(status: status, progress: form.progress, due: due,
                                                                                  forLead: form.lead),
                                                by: context.account.email)
        } catch let error as PlanUpdateError {
            return try await planPage(request, context, audit: audit, errors: [FieldError(field: "\(field)-status", message: error.description)],
                                      notice: nil)
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
        if anything { _ = try await editing(audit).update(actionID: action.id, change: change, by: context.account.email) }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan?saved=\(action.id)#\(WebApp.domID(action.id))")
    }

    /// Takes an action out of the plan; its wording stays in the objective's history.
    func removeAction(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let actionID = context.parameters.get("action") ?? ""
        do {
            _ = try await editing(audit).removeAction(actionID, by: context.account.email)
        } catch let error as PlanUpdateError {
            return try await actionPage(request, context, audit: audit, typed: nil, errors: [FieldError(field: "remove", message: error.description)])
        }
        return try await planPage(request, context, audit: audit, errors: [], notice: "Removed \(actionID); its wording is kept in its objective's history.")
    }

    /// Folds an action into another one of the plan's, which then names both leads.
    func mergeAction(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: MergeForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let actionID = context.parameters.get("action") ?? ""
        guard let target = form.into else {
            return try await actionPage(request, context, audit: audit, typed: nil,
                                        errors: [FieldError(field: "into", message: "Choose the action to merge \(actionID) into")])
        }
        do {
            _ = try await editing(audit).mergeAction(actionID, into: target, by: context.account.email)
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
        let plan = try await editing(audit).signOff(note: note, major: form.major == "yes", by: context.account.email, on: WebApp.today())
        return try await planPage(request, context, audit: audit, errors: [],
                                  notice: "The plan is now version \(plan.documentControl.version ?? "unnumbered").")
    }

    // MARK: Pages

    private func editing(_ audit: AuditRecord) -> PlanEditing {
        web.planEditing(audit)
    }

    private func actionPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, typed: ActionFields?,
                            errors: [FieldError]) async throws -> Response {
        guard let plan = try await editing(audit).plan(),
              let (standard, objective, action) = plan.standards.lazy.flatMap({ standard in
                  standard.objectives.lazy.flatMap { objective in objective.actions.lazy.map { (standard, objective, $0) } }
              }).first(where: { $0.2.id == context.parameters.get("action") }) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = PlanActionPage(account: context.account, csrf: csrf.token, audit: audit, plan: plan, standard: standard, objective: objective,
                                  action: action, typed: typed, errors: errors, moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func planPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, errors: [FieldError],
                          notice: String?) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        guard let plan = try await editing(audit).plan() else {
            let submitted = try await web.app.session(audit).officerStatuses().filter { $0.status == .submitted }.count
            return try web.html(PlanDraftPage(account: context.account, csrf: csrf.token, audit: audit, submitted: submitted), request: request,
                                csrf: csrf)
        }
        let page = PlanPage(account: context.account, csrf: csrf.token, audit: audit, plan: plan, today: WebApp.today(), notice: notice, errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
