import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store

/// The anonymous staff confidence survey: one page at the audit's public link. What is stored is
/// the answers, the two profile choices and the day; never an IP address, a time, a cookie or
/// anything else that could tie the answers to the person who gave them.
struct StaffSurveyController: Sendable {
    let app: WebApp

    /// The routes under `/staff`.
    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.page(":token", use: form)
        group.post(":token", use: save)
        group.page(":token/thanks", use: thanks)
    }

    func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let (token, audit, survey, scales) = try await load(context) else { return await unknown(request, context) }
        return try page(request, token: token, audit: audit, survey: survey, scales: scales, chosen: [:], errors: [])
    }

    /// Saves one person's answers (the fields are named after the survey's questions, so the form
    /// is read by name); an answer not on its scale is refused, and nothing is stored.
    func save(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.formBody()
        guard let (token, audit, survey, scales) = try await load(context) else { return await unknown(request, context) }
        var response = StaffResponse(profile: [:], answers: [:], submittedOn: WebApp.today())
        var errors: [FieldError] = []
        for choice in survey.profile {
            guard let value = form.text("profile.\(choice.id)") else { continue }
            if choice.options.contains(where: { $0.value == value }) { response.profile[choice.id] = value }
            else { errors.append(FieldError(field: "\(choice.id)-opt-0", message: "Choose one of the answers to '\(choice.label)'")) }
        }
        for statement in survey.statements {
            guard let value = form.text("answer.\(statement.id)") else { continue }
            let options = scales.first { $0.id == statement.scaleID }?.options ?? []
            if options.contains(where: { $0.value == value }) { response.answers[statement.id] = value }
            else { errors.append(FieldError(field: "\(statement.id)-opt-0", message: "Choose one of the answers to '\(statement.text)'")) }
        }
        if response.answers.isEmpty && errors.isEmpty {
            errors.append(FieldError(field: "\(survey.statements.first?.id ?? "")-opt-0", message: "Answer at least one statement"))
        }
        if !errors.isEmpty {
            let chosen = form.fields.filter { $0.key.hasPrefix("profile.") || $0.key.hasPrefix("answer.") }
            return try page(request, token: token, audit: audit, survey: survey, scales: scales, chosen: chosen, errors: errors)
        }
        try await app.store.staff.saveResponses([response], auditID: audit.id)
        return WebSecurity.redirect(to: "/staff/\(token)/thanks")
    }

    func thanks(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard try await load(context) != nil else { return await unknown(request, context) }
        return app.message(request, title: "Thank you", paragraphs: [
            "Your answers have been recorded anonymously. Results are only ever reported for groups of five or more.",
        ], panel: true)
    }

    // MARK: The survey behind the link

    private func load(_ context: WebRequestContext) async throws -> (String, AuditRecord, Survey, [Scale])? {
        guard let token = context.parameters.get("token"), let audit = try await app.store.staff.audit(forLink: token) else { return nil }
        let content = try await app.content(of: audit)
        guard let survey = content.staffSurvey else { return nil }
        return (token, audit, survey, content.scales)
    }

    private func unknown(_ request: Request, _ context: WebRequestContext) async -> Response {
        await app.unknownLink(request, context, title: "This survey link does not work",
                              paragraphs: ["The survey may have closed, or the link was mistyped. Ask your safeguarding lead for the current link."])
    }

    /// The form: blank (rendered once per audit and link, the request's CSRF token put in), or
    /// with what was chosen and the errors to correct.
    private func page(_ request: Request, token: String, audit: AuditRecord, survey: Survey, scales: [Scale],
                      chosen: [String: String], errors: [FieldError]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let html = if chosen.isEmpty && errors.isEmpty {
            try app.blankForms.page("\(audit.id) \(token)", render: {
                let page = StaffSurveyPage(audit: audit, survey: survey, scales: scales, token: token, csrf: PageShellCache<BlankFormSlot>.value(0),
                                           chosen: [:], errors: [])
                return (try app.render(page), [.csrf])
            }, fill: { _, _ in HTMLText.escape(csrf.token) })
        } else {
            try app.render(StaffSurveyPage(audit: audit, survey: survey, scales: scales, token: token, csrf: csrf.token, chosen: chosen, errors: errors))
        }
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
