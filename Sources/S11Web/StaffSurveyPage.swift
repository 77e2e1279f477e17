import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store

/// The anonymous staff confidence survey: one page at the audit's public link. What is stored is
/// the answers, the two profile choices and the day; never an IP address, a time, a cookie or
/// anything else that could tie the answers to the person who gave them.
struct StaffSurveyPage: Sendable {
    let app: WebApp

    private func load(_ context: WebRequestContext) async throws -> (String, AuditRecord, Survey, [Scale])? {
        guard let token = context.parameters.get("token"), let audit = try await app.store.audit(forStaffToken: token) else { return nil }
        let content = try await app.content(of: audit)
        guard let survey = content.staffSurvey else { return nil }
        return (token, audit, survey, content.scales)
    }

    private func unknown(_ request: Request, _ context: WebRequestContext) async -> Response {
        await app.unknownLink(request, context, title: "This survey link does not work",
                              paragraphs: ["The survey may have closed, or the link was mistyped. Ask your safeguarding lead for the current link."])
    }

    func form(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (token, audit, survey, scales) = try await load(context) else { return await unknown(request, context) }
        return try page(request, token: token, audit: audit, survey: survey, scales: scales, chosen: [:], errors: [])
    }

    func save(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (token, audit, survey, scales) = try await load(context) else { return await unknown(request, context) }
        var response = StaffResponse(profile: [:], answers: [:], submittedOn: Self.today())
        var errors: [[String: String]] = []
        for choice in survey.profile {
            guard let value = form.text("profile.\(choice.id)") else { continue }
            if choice.options.contains(where: { $0.value == value }) { response.profile[choice.id] = value }
            else { errors.append(["field": "\(choice.id)-opt-0", "message": "Choose one of the answers to '\(choice.label)'"]) }
        }
        for statement in survey.statements {
            guard let value = form.text("answer.\(statement.id)") else { continue }
            let options = scales.first { $0.id == statement.scaleID }?.options ?? []
            if options.contains(where: { $0.value == value }) { response.answers[statement.id] = value }
            else { errors.append(["field": "\(statement.id)-opt-0", "message": "Choose one of the answers to '\(statement.text)'"]) }
        }
        if response.answers.isEmpty && errors.isEmpty {
            errors.append(["field": "\(survey.statements.first?.id ?? "")-opt-0", "message": "Answer at least one statement"])
        }
        if !errors.isEmpty {
            let chosen = form.fields.filter { $0.key.hasPrefix("profile.") || $0.key.hasPrefix("answer.") }
            return try page(request, token: token, audit: audit, survey: survey, scales: scales, chosen: chosen, errors: errors)
        }
        try await app.store.saveStaffResponses([response], auditID: audit.id)
        return WebSecurity.redirect(to: "/staff/\(token)/thanks")
    }

    func thanks(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard try await load(context) != nil else { return await unknown(request, context) }
        return app.message(request, title: "Thank you", paragraphs: [
            "Your answers have been recorded anonymously. Results are only ever reported for groups of five or more.",
        ], panel: true)
    }

    /// The form: blank (rendered once per audit and link, the request's CSRF token put in), or
    /// with what was chosen and the errors to correct.
    private func page(_ request: Request, token: String, audit: AuditRecord, survey: Survey, scales: [Scale],
                      chosen: [String: String], errors: [[String: String]]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let html = if chosen.isEmpty && errors.isEmpty {
            try app.blankForms.page("\(audit.id) \(token)", render: {
                (try render(token: token, audit: audit, survey: survey, scales: scales, csrf: PageShellCache<BlankFormSlot>.value(0),
                            chosen: [:], errors: []), [.csrf])
            }, fill: { _, _ in HTMLText.escape(csrf.token) })
        } else {
            try render(token: token, audit: audit, survey: survey, scales: scales, csrf: csrf.token, chosen: chosen, errors: errors)
        }
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func render(token: String, audit: AuditRecord, survey: Survey, scales: [Scale], csrf: String,
                        chosen: [String: String], errors: [[String: String]]) throws -> String {
        try app.render("staff-survey", [
            "title": survey.title, "surveyTitle": survey.title, "introduction": survey.introduction ?? "",
            "organisation": audit.organisation, "token": token, "csrf": csrf,
            "hasErrors": !errors.isEmpty, "errors": errors,
            "profile": survey.profile.map { choice -> [String: Any] in
                ["label": choice.label, "options": choice.options.enumerated().map { index, option in
                    ["optionID": "\(choice.id)-opt-\(index)", "choiceID": choice.id, "value": option.value, "label": option.label,
                     "checked": chosen["profile.\(choice.id)"] == option.value] as [String: Any]
                }]
            },
            "statements": survey.statements.map { statement -> [String: Any] in
                let options = scales.first { $0.id == statement.scaleID }?.options ?? []
                return ["text": statement.text, "options": options.enumerated().map { index, option in
                    ["optionID": "\(statement.id)-opt-\(index)", "statementID": statement.id, "value": option.value, "label": option.label,
                     "checked": chosen["answer.\(statement.id)"] == option.value] as [String: Any]
                }]
            },
        ])
    }

    /// Today's date only, in England.
    static func today() -> CalendarDate { CalendarDate(Date(), in: TimeZone(identifier: "Europe/London")!) }
}

/// What a staff survey's blank form leaves to each request (`PageShellCache`): its CSRF token.
enum BlankFormSlot: Sendable {
    case csrf
}
