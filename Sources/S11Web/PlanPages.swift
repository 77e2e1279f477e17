import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store

/// The coordinator's plan: drafting it from the audit's gaps, each action's status and progress
/// through the year, changing an action's wording, signing off a version, and the board XML.
/// Every change goes through the application's `PlanEditing`, as the command line's do.
struct PlanPages: Sendable {
    let app: WebApp

    /// The drafted plan, each action with a form to record its status, progress or new due date;
    /// before drafting, the button that drafts it.
    func plan(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await planPage(request, context, errors: [], notice: nil)
    }

    /// Drafts the plan from the audit's gaps, carrying last year's unfinished actions forward.
    func draft(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard try await storedPlan(audit) == nil else { return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan") }
        let session = try await app.session(audit)
        let last = try await app.store.plan(organisation: audit.organisation, year: audit.year - 1)
        let options = PlanDrafter.Options(start: PlanDrafter.Options.defaultStart(auditYear: audit.year), today: StaffSurveyPage.today(),
                                          owner: nil, author: coordinator.email, previous: last)
        _ = try await session.draftPlan(options: options, replace: false)
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan")
    }

    func planPrint(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (_, audit) = try await app.signedIn(request, context, .summary) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let plan = try await storedPlan(audit) else { throw HTTPError(.notFound) }
        return WebSecurity.html(PlanHTMLReport().write(plan), request: request)
    }

    /// Records an action's status, progress or new due date from the plan page, or one lead's own
    /// status and progress.
    func updatePlan(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let actionID = form.text("action") ?? ""
        let field = WebApp.domID(actionID)
        var status: ActionStatus?
        if let text = form.text("status") {
            guard let parsed = ActionStatus(rawValue: text) else {
                return try await planPage(request, context, errors: [["field": "\(field)-status", "message": "Choose B, G, A or R for \(actionID)"]], notice: nil)
            }
            status = parsed
        }
        var due: CalendarDate?
        if let text = form.text("due") {
            guard let parsed = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                return try await planPage(request, context, errors: [["field": "\(field)-due", "message": "Write the due date for \(actionID) as YYYY-MM-DD, for example 2027-09-30"]], notice: nil)
            }
            due = parsed
        }
        do {
            _ = try await editing(audit).update(actionID: actionID, change: .init(status: status, progress: form.text("progress"), due: due,
                                                                                  forLead: form.text("for")),
                                          by: coordinator.email)
        } catch let error as PlanUpdateError {
            return try await planPage(request, context, errors: [["field": "\(field)-status", "message": error.description]], notice: nil)
        }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan#\(field)")
    }

    /// The form that changes every field of one action, with what changed before.
    func actionForm(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await actionPage(request, context, typed: nil, errors: [])
    }

    /// Saves an action's new wording, lead and dates; only the fields that changed are recorded.
    func saveAction(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let plan = try await storedPlan(audit), let action = plan.actions.first(where: { $0.id == context.parameters.get("action") }) else {
            throw HTTPError(.notFound)
        }
        let typed = ActionFields(form)
        let (checked, errors) = typed.checked()
        guard let checked else { return try await actionPage(request, context, typed: typed, errors: errors) }
        let due = checked.due
        func changed(_ name: String, _ current: String?) -> String? {
            let value = typed.values[name] ?? ""
            return value == (current ?? "") ? nil : value
        }
        let change = PlanUpdater.Change(due: due == action.due ? nil : due, lead: changed("lead", action.leadNames),
                                        input: changed("input", action.input), outcome: changed("outcome", action.outcome),
                                        measure: changed("measure", action.measure), timescale: changed("timescale", action.timescale),
                                        removeDue: due == nil && action.due != nil)
        let anything = [change.lead, change.input, change.outcome, change.measure, change.timescale].contains { $0 != nil }
            || change.due != nil || change.removeDue
        if anything { _ = try await editing(audit).update(actionID: action.id, change: change, by: coordinator.email) }
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/plan#\(WebApp.domID(action.id))")
    }

    /// Takes an action out of the plan; its wording stays in the objective's history.
    func removeAction(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let actionID = context.parameters.get("action") ?? ""
        do {
            _ = try await editing(audit).removeAction(actionID, by: coordinator.email)
        } catch let error as PlanUpdateError {
            return try await actionPage(request, context, typed: nil, errors: [["field": "remove", "message": error.description]])
        }
        return try await planPage(request, context, errors: [], notice: "Removed \(actionID); its wording is kept in its objective's history.")
    }

    /// Folds an action into another one of the plan's, which then names both leads.
    func mergeAction(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let actionID = context.parameters.get("action") ?? ""
        guard let target = form.text("into") else {
            return try await actionPage(request, context, typed: nil, errors: [["field": "into", "message": "Choose the action to merge \(actionID) into"]])
        }
        do {
            _ = try await editing(audit).mergeAction(actionID, into: target, by: coordinator.email)
        } catch let error as PlanUpdateError {
            return try await actionPage(request, context, typed: nil, errors: [["field": "into", "message": error.description]])
        }
        return try await planPage(request, context, errors: [], notice: "Merged \(actionID) into \(target).")
    }

    /// Signs off a new version: minor, or major when the plan is agreed, with a note.
    func signOff(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let note = form.text("note") else {
            return try await planPage(request, context, errors: [["field": "note", "message": "Say why the version changes, for example \"Signed off by cabinet\""]], notice: nil)
        }
        let plan = try await editing(audit).signOff(note: note, major: form["major"] == "yes", by: coordinator.email, on: StaffSurveyPage.today())
        return try await planPage(request, context, errors: [], notice: "The plan is now version \(plan.documentControl.version ?? "unnumbered").")
    }

    func planXML(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (_, audit) = try await app.signedIn(request, context, .summary) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let plan = try await storedPlan(audit) else { throw HTTPError(.notFound) }
        return Download.response(try PlanFormat.xml.write(plan), fileName: PlanFormat.xml.fileName(plan), contentType: PlanFormat.xml.contentType)
    }

    // MARK: Rendering

    /// An action's fields as typed into the form.
    struct ActionFields {
        var values: [String: String]
        init(_ form: FormBody) {
            values = Dictionary(uniqueKeysWithValues: ["input", "outcome", "measure", "lead", "due", "timescale"].map { name in
                (name, (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            })
        }

        /// The action, or what is missing or wrong, each error naming its field (after `prefix`).
        func checked(prefix: String = "") -> (PlanUpdater.NewAction?, [[String: String]]) {
            var errors: [[String: String]] = []
            func given(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
            for (name, label) in [("input", "the action"), ("lead", "the lead (several separated by ;)")] where given(name) == nil {
                errors.append(["field": prefix + name, "message": "Write \(label)"])
            }
            let due = given("due").flatMap { CalendarDate(iso: $0) }
            if given("due") != nil && due == nil {
                errors.append(["field": prefix + "due", "message": "Write the due date as YYYY-MM-DD, for example 2027-09-30"])
            } else if due == nil && given("timescale") == nil {
                errors.append(["field": prefix + "timescale", "message": "Write when: a timescale in words (\"Quarterly\", \"June 2027\"), a due date, or both"])
            }
            guard errors.isEmpty else { return (nil, errors) }
            return (PlanUpdater.NewAction(input: given("input") ?? "", outcome: given("outcome"), measure: given("measure"),
                                          lead: given("lead") ?? "", due: due, timescale: given("timescale")), [])
        }
    }

    func editing(_ audit: AuditRecord) -> PlanEditing {
        PlanEditing(store: app.store, organisation: audit.organisation, year: audit.year)
    }

    private func storedPlan(_ audit: AuditRecord) async throws -> Plan? {
        try await editing(audit).plan()
    }

    private func actionPage(_ request: Request, _ context: WebRequestContext, typed: ActionFields?, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let plan = try await storedPlan(audit),
              let (standard, objective, action) = plan.standards.lazy.flatMap({ standard in
                  standard.objectives.lazy.flatMap { objective in objective.actions.lazy.map { (standard, objective, $0) } }
              }).first(where: { $0.2.id == context.parameters.get("action") }) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let current = ["input": action.input, "outcome": action.outcome ?? "", "measure": action.measure ?? "", "lead": action.leadNames,
                       "due": action.due?.iso ?? "", "timescale": action.timescale ?? ""]
        let values = typed?.values ?? current
        let history = action.history.reversed().map { change -> [String: String] in
            ["at": change.at, "by": change.by, "field": change.field, "old": change.old ?? "none", "new": change.new ?? "none"]
        }
        let html = try app.render("admin-plan-action", [
            "title": "Change action \(action.id)", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "actionID": action.id, "domID": WebApp.domID(action.id), "standard": standard.heading ?? "No standard",
            "objective": objective.title, "objectiveID": objective.id, "fields": values, "history": history, "hasHistory": !history.isEmpty,
            "mergeTargets": plan.actions.filter { $0.id != action.id }.map { ["id": $0.id, "text": "\($0.id): \($0.input)"] },
            "canRemove": objective.actions.count > 1,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ])
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func planPage(_ request: Request, _ context: WebRequestContext, errors: [[String: String]], notice: String?) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        guard let plan = try await storedPlan(audit) else {
            let submitted = try await app.store.officerStatuses(auditID: audit.id).filter { $0.status == .submitted }.count
            let html = try app.render("admin-plan-draft", [
                "title": "Draft the plan", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
                "organisation": audit.organisation, "year": audit.year, "submitted": submitted, "canDraft": submitted > 0,
            ])
            return WebSecurity.html(html, request: request, csrf: csrf)
        }
        let today = StaffSurveyPage.today()
        let standards = plan.standards.map { standard -> [String: Any] in
            ["title": standard.heading ?? "Objectives under no standard", "actions": standard.objectives.flatMap { objective in
                objective.actions.map { action -> [String: Any] in
                    let values: [String: Any?] = [
                        "domID": WebApp.domID(action.id), "actionID": action.id, "input": action.input, "objective": objective.title,
                        "objectiveID": objective.id, "source": objective.source,
                        "lead": action.leadNames, "due": action.timescaleText,
                        "overdue": plan.isOverdue(action, on: today),
                        "status": action.status.map { "\($0.rawValue): \($0.meaning)" } ?? "Not yet rated", "progress": action.progress,
                        "leadStatuses": action.leads.compactMap { lead -> String? in
                            let own = [lead.status.map(\.rawValue), lead.progress].compactMap { $0 }
                            return own.isEmpty ? nil : "\(lead.name): \(own.joined(separator: ", "))"
                        },
                        "hasSeveralLeads": action.leads.count > 1, "leadNames": action.leads.map(\.name),
                        "id": audit.id, "csrf": csrf.token,
                    ]
                    return values.compactMapValues { $0 }
                }
            }]
        }
        let versions = plan.documentControl.history.reversed().map { revision -> [String: String] in
            ["version": revision.version, "date": revision.spelledDate, "author": revision.author ?? "", "note": revision.note]
        }
        let underReview = plan.underReview.map { area -> [String: String] in
            ["standard": "\(area.standardID) \(area.standardTitle)", "requirement": area.requirementID, "title": area.title,
             "finding": area.finding]
        }
        let values: [String: Any?] = [
            "title": plan.title, "planTitle": plan.title, "organisation": plan.organisation, "version": plan.documentControl.version ?? "as published",
            "id": audit.id, "csrf": csrf.token, "coordinator": coordinator.email, "standards": standards,
            "underReview": underReview, "hasUnderReview": !underReview.isEmpty,
            "versions": versions, "hasVersions": !versions.isEmpty, "notice": notice,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-plan", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
