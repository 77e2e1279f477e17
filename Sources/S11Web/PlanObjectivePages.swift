import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// The plan's objectives in the browser: an objective's title and finding, an action added to it,
/// and an objective that did not come from the audit (a serious case review's learning point, a
/// board priority), with its first action. Changes go through the application's `PlanEditing`.
struct PlanObjectivePages: Sendable {
    let app: WebApp

    private var plans: PlanPages { PlanPages(app: app) }

    func objective(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await objectivePage(request, context, typed: nil, newAction: nil, errors: [])
    }

    /// Saves an objective's title and finding.
    func saveObjective(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let objectiveID = context.parameters.get("objective") ?? ""
        let typed = ["title": form.text("title") ?? "", "finding": form.text("finding") ?? ""]
        guard !(typed["title"] ?? "").isEmpty else {
            return try await objectivePage(request, context, typed: typed, newAction: nil, errors: [["field": "title", "message": "Write the objective"]])
        }
        do {
            _ = try await plans.editing(audit).editObjective(objectiveID, title: typed["title"], finding: typed["finding"], by: coordinator.email)
        } catch let error as PlanUpdateError where error.description.hasPrefix("nothing changes") {
            // Saved as it was: nothing to record.
        }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/objectives/\(objectiveID)")
    }

    /// Adds an action to the objective.
    func addAction(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let objectiveID = context.parameters.get("objective") ?? ""
        let typed = PlanPages.ActionFields(form)
        let (action, errors) = typed.checked(prefix: "new-")
        guard let action else { return try await objectivePage(request, context, typed: nil, newAction: typed, errors: errors) }
        _ = try await plans.editing(audit).addAction(to: objectiveID, action, by: coordinator.email)
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/objectives/\(objectiveID)")
    }

    func newObjectiveForm(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await newObjectivePage(request, context, typed: [:], action: nil, errors: [])
    }

    /// Adds an objective from another source, under the standard chosen, with its first action.
    func addObjective(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let typed = ["standard": form.text("standard") ?? "", "title": form.text("title") ?? "", "finding": form.text("finding") ?? "",
                     "source": form.text("source") ?? ""]
        let fields = PlanPages.ActionFields(form)
        let (action, fieldErrors) = fields.checked()
        var errors = fieldErrors
        for (name, label) in [("standard", "Choose the standard it comes under"), ("title", "Write the objective"),
                              ("source", "Say where it comes from, for example \"Serious case review learning point\"")]
            where (typed[name] ?? "").isEmpty {
            errors.insert(["field": name, "message": label], at: 0)
        }
        guard errors.isEmpty, let checked = action else { return try await newObjectivePage(request, context, typed: typed, action: fields, errors: errors) }
        do {
            let plan = try await plans.editing(audit).addObjective(standardID: typed["standard"] ?? "", title: typed["title"] ?? "",
                                                             finding: (typed["finding"] ?? "").isEmpty ? nil : typed["finding"],
                                                             source: typed["source"] ?? "", action: checked, by: coordinator.email)
            let added = plan.objectives.last { $0.title == typed["title"] }?.id ?? ""
            return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan/objectives/\(added)")
        } catch let error as PlanUpdateError {
            return try await newObjectivePage(request, context, typed: typed, action: fields, errors: [["field": "standard", "message": error.description]])
        }
    }

    // MARK: Rendering

    private func objectivePage(_ request: Request, _ context: WebRequestContext, typed: [String: String]?, newAction: PlanPages.ActionFields?,
                               errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let plan = try await plans.editing(audit).plan(),
              let standard = plan.standards.first(where: { $0.objectives.contains { $0.id == context.parameters.get("objective") } }),
              let objective = standard.objectives.first(where: { $0.id == context.parameters.get("objective") }) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let values: [String: Any?] = [
            "title": "Objective \(objective.id)", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "objectiveID": objective.id, "standard": standard.heading ?? "No standard", "source": objective.source,
            "fields": typed ?? ["title": objective.title, "finding": objective.finding ?? ""],
            "new": newAction?.values ?? [:], "prefix": "new-",
            "actions": objective.actions.map { ["actionID": $0.id, "input": $0.input, "lead": $0.leadNames, "id": audit.id] },
            "history": objective.history.reversed().map { ["at": $0.at, "by": $0.by, "field": $0.field, "old": $0.old ?? "none", "new": $0.new ?? "none"] },
            "hasHistory": !objective.history.isEmpty, "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-plan-objective", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func newObjectivePage(_ request: Request, _ context: WebRequestContext, typed: [String: String], action: PlanPages.ActionFields?,
                                  errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let plan = try await plans.editing(audit).plan() else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let choices = plan.results?.standards.map { ($0.standardID, "\($0.standardID) \($0.title)") }
            ?? plan.standards.compactMap { standard in standard.standardID.map { ($0, standard.heading ?? $0) } }
        let standards = choices.map { ["id": $0.0, "title": $0.1, "selected": $0.0 == typed["standard"]] }
        let html = try app.render("admin-plan-objective-new", [
            "title": "Add an objective", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "standards": standards, "fields": typed, "action": action?.values ?? [:],
            "hasErrors": !errors.isEmpty, "errors": errors,
        ])
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
