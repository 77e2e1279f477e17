import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// The anonymous staff confidence survey: one page at the audit's public link. What is stored is
/// the answers, the two profile choices and the day; never an IP address, a time, a cookie or
/// anything else that could tie the answers to the person who gave them.
struct StaffSurveyController: Sendable {
    let web: WebApp

    /// The routes under `/staff`.
    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.page(":token", use: form)
        group.post(":token", use: save)
        group.page(":token/thanks", use: thanks)
    }

    func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let link = try await load(context) else { return await unknown(request, context) }
        return try page(request, link, chosen: [:], errors: [])
    }

    /// Saves one person's answers (the fields are named after the survey's questions, so the form
    /// is read by name) through the application's `StaffSurveyTaking`: an answer not on its scale
    /// is refused, and nothing is stored.
    func save(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.formBody()
        guard let link = try await load(context) else { return await unknown(request, context) }
        let survey = link.survey
        let profile = Dictionary(survey.profile.compactMap { choice in form.text("profile.\(choice.id)").map { (choice.id, $0) } },
                                 uniquingKeysWith: { a, _ in a })
        let answers = Dictionary(survey.statements.compactMap { statement in form.text("answer.\(statement.id)").map { (statement.id, $0) } },
                                 uniquingKeysWith: { a, _ in a })
        let problems = try await web.app.staffSurvey.submit(link, profile: profile, answers: answers, on: WebApp.today())
        guard problems.isEmpty else {
            let chosen = form.fields.filter { $0.key.hasPrefix("profile.") || $0.key.hasPrefix("answer.") }
            return try page(request, link, chosen: chosen, errors: problems.map { Self.fieldError($0, survey: survey) })
        }
        return WebSecurity.redirect(to: "/staff/\(link.token)/thanks")
    }

    func thanks(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard try await load(context) != nil else { return await unknown(request, context) }
        return web.message(request, title: "Thank you", paragraphs: [
            "Your answers have been recorded anonymously. Results are only ever reported for groups of five or more.",
        ], panel: true)
    }

    // MARK: The survey behind the link

    private func load(_ context: WebRequestContext) async throws -> StaffSurveyTaking.AtLink? {
        guard let token = context.parameters.get("token") else { return nil }
        return try await web.app.staffSurvey.open(token: token)
    }

    /// A refused answer in the page's words, at the field to correct.
    private static func fieldError(_ problem: StaffAnswerRules.Problem, survey: Survey) -> FieldError {
        switch problem {
        case .profileNotOffered(let choice):
            FieldError(field: "\(choice.id)-opt-0", message: "Choose one of the answers to '\(choice.label)'")
        case .answerNotOffered(let statement):
            FieldError(field: "\(statement.id)-opt-0", message: "Choose one of the answers to '\(statement.text)'")
        case .nothingAnswered:
            FieldError(field: "\(survey.statements.first?.id ?? "")-opt-0", message: "Answer at least one statement")
        }
    }

    private func unknown(_ request: Request, _ context: WebRequestContext) async -> Response {
        await web.unknownLink(request, context, title: "This survey link does not work",
                              paragraphs: ["The survey may have closed, or the link was mistyped. Ask your safeguarding lead for the current link."])
    }

    /// The form: blank (rendered once per audit and link, the request's CSRF token put in), or
    /// with what was chosen and the errors to correct.
    private func page(_ request: Request, _ link: StaffSurveyTaking.AtLink, chosen: [String: String], errors: [FieldError]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let html = if chosen.isEmpty && errors.isEmpty {
            try web.blankForms.page("\(link.audit.id) \(link.token)", render: {
                let page = StaffSurveyPage(audit: link.audit, survey: link.survey, scales: link.scales, token: link.token,
                                           csrf: PageShellCache<BlankFormSlot>.value(0), chosen: [:], errors: [])
                return (try web.render(page), [.csrf])
            }, fill: { _, _ in HTMLText.escape(csrf.token) })
        } else {
            try web.render(StaffSurveyPage(audit: link.audit, survey: link.survey, scales: link.scales, token: link.token, csrf: csrf.token,
                                           chosen: chosen, errors: errors))
        }
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
