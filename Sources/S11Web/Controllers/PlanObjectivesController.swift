import Foundation
import Hummingbird
import S11App
import S11Core

/// The plan's objectives: an objective's title and finding, an action added to it, and an
/// objective that did not come from the audit (a serious case review's learning point, a board
/// priority), with its first action. Changes go through the application's `PlanEditing`.
struct PlanObjectivesController: Sendable {
    let web: WebApp

    /// An objective's title and finding.
    struct ObjectiveForm: Decodable {
        @NonBlank var title: String?
        @NonBlank var finding: String?
    }

    /// An objective from another source, beside its first action's fields (`ActionFields`).
    struct NewObjectiveForm: Decodable {
        @NonBlank var standard: String?
        @NonBlank var source: String?
        @NonBlank var title: String?
        @NonBlank var finding: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/plan/objectives/new", use: newObjectiveForm)
        group.post("audits/:id/plan/objectives/new", use: addObjective)
        group.page("audits/:id/plan/objectives/:objective", use: objective)
        group.post("audits/:id/plan/objectives/:objective", use: saveObjective)
        group.post("audits/:id/plan/objectives/:objective/actions", use: addAction)
    }

    func objective(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await objectivePage(request, context, audit: try await context.audit(.running, in: web.app), typed: nil, newAction: nil, errors: [])
    }

    /// Saves an objective's title and finding.
    func saveObjective(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: ObjectiveForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let objectiveID = context.parameters.get("objective") ?? ""
        let typed = ObjectivePage.Fields(title: form.title ?? "", finding: form.finding ?? "")
        guard !typed.title.isEmpty else {
            return try await objectivePage(request, context, audit: audit, typed: typed, newAction: nil,
                                           errors: [FieldError(field: "title", message: "Write the objective")])
        }
        do {
            _ = try await web.planEditing(audit).editObjective(objectiveID, title: typed.title, finding: typed.finding, by: context.account.author)
        } catch let error as PlanUpdateError where error.description.hasPrefix("nothing changes") {
            // Saved as it was: nothing to record.
        }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/objectives/\(objectiveID)")
    }

    /// Adds an action to the objective.
    func addAction(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let typed = try await request.decodeForm(as: ActionFields.self)
        let audit = try await context.audit(.running, in: web.app)
        let objectiveID = context.parameters.get("objective") ?? ""
        let (action, errors) = typed.checked(prefix: "new-")
        guard let action else { return try await objectivePage(request, context, audit: audit, typed: nil, newAction: typed, errors: errors) }
        _ = try await web.planEditing(audit).addAction(to: objectiveID, action, by: context.account.author)
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/objectives/\(objectiveID)")
    }

    func newObjectiveForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await newObjectivePage(request, context, audit: try await context.audit(.running, in: web.app), standard: nil,
                                   fields: NewObjectivePage.Fields(source: "", title: "", finding: ""), action: ActionFields(), errors: [])
    }

    /// Adds an objective from another source, under the standard chosen, with its first action.
    func addObjective(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: NewObjectiveForm.self)
        let typed = try await request.decodeForm(as: ActionFields.self)
        let audit = try await context.audit(.running, in: web.app)
        let standard = form.standard ?? ""
        let fields = NewObjectivePage.Fields(source: form.source ?? "", title: form.title ?? "", finding: form.finding ?? "")
        let (action, fieldErrors) = typed.checked()
        var errors = fieldErrors
        for (value, name, label) in [(standard, "standard", "Choose the standard it comes under"), (fields.title, "title", "Write the objective"),
                                     (fields.source, "source", "Say where it comes from, for example \"Serious case review learning point\"")]
            where value.isEmpty {
            errors.insert(FieldError(field: name, message: label), at: 0)
        }
        guard errors.isEmpty, let checked = action else {
            return try await newObjectivePage(request, context, audit: audit, standard: standard, fields: fields, action: typed, errors: errors)
        }
        do {
            let plan = try await web.planEditing(audit).addObjective(standardID: standard, title: fields.title,
                                                                     finding: fields.finding.isEmpty ? nil : fields.finding, source: fields.source,
                                                                     action: checked, by: context.account.author)
            let added = plan.objectives.last { $0.title == fields.title }?.id ?? ""
            return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/objectives/\(added)")
        } catch let error as PlanUpdateError {
            return try await newObjectivePage(request, context, audit: audit, standard: standard, fields: fields, action: typed,
                                              errors: [FieldError(field: "standard", message: error.description)])
        }
    }

    // MARK: Pages

    private func objectivePage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, typed: ObjectivePage.Fields?,
                               newAction: ActionFields?, errors: [FieldError]) async throws -> Response {
        let id = context.parameters.get("objective")
        guard let plan = try await web.planEditing(audit).plan(),
              let standard = plan.standards.first(where: { $0.objectives.contains { $0.id == id } }),
              let objective = standard.objectives.first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = ObjectivePage(account: context.account, csrf: csrf.token, audit: audit, standard: standard, objective: objective, typed: typed,
                                 newAction: newAction, errors: errors, moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func newObjectivePage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, standard: String?,
                                  fields: NewObjectivePage.Fields, action: ActionFields, errors: [FieldError]) async throws -> Response {
        guard let plan = try await web.planEditing(audit).plan() else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = NewObjectivePage(account: context.account, csrf: csrf.token, audit: audit, plan: plan, chosenStandard: standard, fields: fields,
                                    action: action, errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
