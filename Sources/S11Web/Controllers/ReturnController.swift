import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// An officer's return in the browser, at the officer's unique link: one standard per page, each
/// page saved the moment it is sent, "Save and come back later", "Check your answers", then
/// Submit. The link resumes where the officer left off; a submitted return is read-only.
struct ReturnController: Sendable {
    let web: WebApp

    /// Everything a page needs about the officer behind a link.
    typealias Officer = OfficerLinks.AtLink

    /// The routes under `/r`.
    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.page(":token", use: start)
        group.page(":token/s/:position", use: section)
        group.post(":token/s/:position", use: saveSection)
        group.page(":token/check", use: check)
        group.post(":token/submit", use: submit)
        group.page(":token/done", use: done)
    }

    func start(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        if officer.status == .submitted { return WebSecurity.redirect(to: "/r/\(officer.token)/check") }
        let firstOpen = officer.sections.firstIndex { section in
            section.questions.contains { officer.answers[$0.id]?.optionValue == nil || officer.answers[$0.id]?.carried == true }
        }
        return WebSecurity.redirect(to: firstOpen.map { "/r/\(officer.token)/s/\($0 + 1)" } ?? "/r/\(officer.token)/check")
    }

    func section(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        if officer.status == .submitted { return WebSecurity.redirect(to: "/r/\(officer.token)/check") }
        guard let position = position(context, officer) else { return await unknownLink(request, context) }
        let returnTo = request.uri.queryParameters["return"] == "check" ? "check" : ""
        return try await sectionPage(request, officer, position: position, answers: officer.answers, problems: [], returnTo: returnTo)
    }

    /// Saves a section page's answers (its fields are named after the survey's questions, so it is
    /// read by name): what is typed is kept even when incomplete, a tampered value never.
    func saveSection(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.formBody()
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        guard officer.status != .submitted else {
            return web.message(request, title: "Your return has been submitted",
                               paragraphs: ["It cannot be changed now. Ask the audit coordinator to reopen it if something needs correcting."],
                               status: .conflict, link: ("/r/\(officer.token)/check", "See your submitted return"))
        }
        guard let position = position(context, officer) else { return await unknownLink(request, context) }
        // "Attach documents" saves what is typed, as "Save and come back later" does, then opens that answer's documents.
        let attaching = form["attach"].flatMap { id in officer.sections[position - 1].questions.first { $0.id == id } }
        let finishing = form["action"] != "save" && attaching == nil
        let returnTo = form["return"] == "check" ? "check" : ""
        let section = officer.sections[position - 1]
        var answers = officer.answers
        var typed: [Answer] = []
        var problems: [ReturnSectionPage.Problem] = []
        func problem(_ field: String, _ message: String, _ question: Question) {
            problems.append(.init(questionID: question.id, error: FieldError(field: field, message: message)))
        }
        // The form was shown with answers that have been changed since (another tab or browser):
        // keep what was typed on the page, save nothing over the newer answers, and say what they are.
        let shownWith = form["version"]
        let conflict = shownWith != nil && shownWith != AnswerSetVersion.of(officer.answers, questionIDs: section.questions.map(\.id))
        let taking = officer.taking
        for question in section.questions {
            let option = form.text("option.\(question.id)")
            let answer = Answer(questionID: question.id, choice: Answer.choice(from: option),
                                evidence: form["evidence.\(question.id)"], example: form["example.\(question.id)"],
                                reason: form["reason.\(question.id)"],
                                improvement: Improvement(action: form["improvement.\(question.id)"],
                                                         lead: form["improvement-lead.\(question.id)"], by: form["improvement-by.\(question.id)"],
                                                         measure: form["improvement-measure.\(question.id)"]))
            answers[question.id] = answer
            let field = WebApp.domID(question.id) + (option == nil ? "" : "-evidence")
            switch taking.rules.answerProblem(answer, question: question) {
            case .notOnScale?, .notApplicableNotAllowed?:
                problem(WebApp.domID(question.id), "Choose one of the answers given for \(question.requirementID)", question)
                continue                                  // a tampered value is never stored
            case .notApplicableWithoutReason?:
                problem(WebApp.domID(question.id) + "-reason", "Say why \(question.requirementID) does not apply", question)
            case nil:
                switch finishing ? taking.rules.shortfall(answer, question: question) : nil {
                case .unanswered?:
                    problem(WebApp.domID(question.id) + "-opt-0", "Choose how far \(question.requirementID) is met", question)
                case .evidenceMissing?:
                    problem(field, "Give the evidence for \(question.requirementID)", question)
                default:
                    break
                }
            }
            if !answer.isBlank { typed.append(answer) }
        }
        if conflict {
            return try await sectionPage(request, officer, position: position, answers: answers,
                                   problems: changedMeanwhile(officer, section: section, typed: answers), returnTo: returnTo, status: .conflict)
        }
        try await taking.savePage(typed, officer: officer.officer)
        if let attaching {
            return WebSecurity.redirect(to: "/r/\(officer.token)/documents?question=\(attaching.id)")
        }
        if !finishing {
            return web.message(request, title: "Your answers have been saved", paragraphs: [
                "You can close this page. Use the link in your invitation to come back; it opens where you left off, in any browser.",
            ] + (problems.isEmpty ? [] : ["Some answers on this page still need attention; they are marked when you come back."]),
                panel: true, link: ("/r/\(officer.token)", "Carry on now"))
        }
        if !problems.isEmpty {
            let saved = try await load(context) ?? officer                  // the page's version is now what was just saved
            return try await sectionPage(request, saved, position: position, answers: answers, problems: problems, returnTo: returnTo)
        }
        // Changed from Check your answers: back there; else on to the next page.
        let next = position < officer.sections.count && returnTo.isEmpty ? "/r/\(officer.token)/s/\(position + 1)" : "/r/\(officer.token)/check"
        return WebSecurity.redirect(to: next)
    }

    func check(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        return try checkPage(request, officer, errors: [])
    }

    func submit(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        if officer.status == .submitted { return WebSecurity.redirect(to: "/r/\(officer.token)/done") }
        let shortfalls = try await officer.taking.submit(officer: officer.officer)
        if shortfalls.isEmpty { return WebSecurity.redirect(to: "/r/\(officer.token)/done") }
        let errors = shortfalls.map { question, shortfall -> FieldError in
            let message = switch shortfall {
            case .unanswered: "Answer \(question.requirementID)"
            case .carried: "Confirm or change last year's answer to \(question.requirementID)"
            case .invalid: "Correct the answer to \(question.requirementID)"
            case .evidenceMissing: "Give the evidence for \(question.requirementID)"
            }
            return FieldError(field: WebApp.domID(question.id), message: message)
        }
        return try checkPage(request, officer, errors: errors)
    }

    func done(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        guard officer.status == .submitted else { return WebSecurity.redirect(to: "/r/\(officer.token)/check") }
        return web.message(request, title: "Return submitted", paragraphs: [
            "Thank you, \(officer.officer.name). Your return for \(officer.audit.organisation) \(officer.audit.year) has been submitted.",
            "The audit coordinator will use it for the organisation's scores and next year's action plan.",
        ], panel: true, link: ("/r/\(officer.token)/check", "See what you submitted"))
    }

    // MARK: The officer behind the link

    private func load(_ context: WebRequestContext) async throws -> Officer? {
        try await web.officerAtLink(context)
    }

    private func unknownLink(_ request: Request, _ context: WebRequestContext) async -> Response {
        await web.unknownOfficerLink(request, context)
    }

    private func position(_ context: WebRequestContext, _ officer: Officer) -> Int? {
        guard let text = context.parameters.get("position"), let position = Int(text), (1...officer.sections.count).contains(position)
        else { return nil }
        return position
    }

    // MARK: Pages

    /// What to say when a page comes back after its answers changed elsewhere: one line at the
    /// top, and at each question whose saved answer now differs from the page, what is saved.
    private func changedMeanwhile(_ officer: Officer, section: Section, typed: [String: Answer]) -> [ReturnSectionPage.Problem] {
        var problems = [ReturnSectionPage.Problem(questionID: "", error: FieldError(
            field: WebApp.domID(section.questions.first?.id ?? ""),
            message: "These answers were changed in another window after you opened this page. What you typed is below and is not saved yet: check it against what is saved now, then save again to keep it."))]
        for question in section.questions {
            let saved = officer.answers[question.id]
            let mine = typed[question.id]
            guard saved?.optionValue != mine?.optionValue || saved?.evidence != mine?.evidence else { continue }
            let label = saved?.optionValue.map { value in
                value == Answer.notApplicableValue ? "Not applicable" : officer.content.scale(question.scaleID)?.option(value)?.label ?? value
            } ?? "no answer"
            let evidence = saved?.evidence.map { ", evidence: \"\($0)\"" } ?? ""
            problems.append(.init(questionID: question.id, error: FieldError(field: WebApp.domID(question.id),
                                                                             message: "Saved meanwhile for \(question.requirementID): \(label)\(evidence)")))
        }
        return problems
    }

    private func sectionPage(_ request: Request, _ officer: Officer, position: Int, answers: [String: Answer], problems: [ReturnSectionPage.Problem],
                             returnTo: String, status: HTTPResponse.Status? = nil) async throws -> Response {
        let section = officer.sections[position - 1]
        let documents = Dictionary(grouping: try await web.app.documents.documents(of: officer.officer, auditID: officer.audit.id), by: \.questionID)
        let csrf = WebSecurity.csrfToken(for: request)
        let version = AnswerSetVersion.of(officer.answers, questionIDs: section.questions.map(\.id))
        let html: String
        if problems.isEmpty {
            // The section as everyone of this role sees it is rendered once; the officer's own
            // answers, link, version and the request's CSRF token are put in.
            let chosenValues = Dictionary(section.questions.map { ($0.id, ReturnSectionPage.chosen(answers[$0.id], in: officer.content.scale($0.scaleID))) },
                                          uniquingKeysWith: { a, _ in a })
            let key = "\(officer.audit.id) \(officer.officer.role) \(position)"
            html = try web.sectionForms.page(key, render: {
                let marks = SectionMarks()
                let page = ReturnSectionPage(audit: officer.audit, content: officer.content, sections: officer.sections, position: position,
                                             token: "", answers: [:], documents: [:], problems: [], csrf: "", version: "", returnTo: "", marks: marks)
                return (try web.render(page), marks.slots)
            }, fill: { slot, region in
                switch slot {
                case .token: HTMLText.escape(officer.token)
                case .csrf: HTMLText.escape(csrf.token)
                case .version: HTMLText.escape(version)
                case .returnTo: returnTo
                case .text(let questionID, let field): HTMLText.escape(field.value(answers[questionID]) ?? "")
                case .checked(let questionID, let value): chosenValues[questionID] == value ? " checked" : ""
                case .carried(let questionID): answers[questionID]?.carried == true ? region ?? "" : ""
                case .documents(let questionID): HTMLText.escape(ReturnSectionPage.documentsWords(documents[questionID] ?? []))
                }
            })
        } else {
            html = try web.render(ReturnSectionPage(audit: officer.audit, content: officer.content, sections: officer.sections, position: position,
                                                    token: officer.token, answers: answers, documents: documents, problems: problems,
                                                    csrf: csrf.token, version: version,
                                                    returnTo: returnTo, marks: nil))
        }
        return WebSecurity.html(html, status: status ?? (problems.isEmpty ? .ok : .unprocessableContent), request: request, csrf: csrf)
    }

    private func checkPage(_ request: Request, _ officer: Officer, errors: [FieldError]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let page = ReturnCheckPage(audit: officer.audit, content: officer.content, officer: officer.officer, token: officer.token,
                                   sections: officer.sections, answers: officer.answers, submittedAt: officer.submittedAt,
                                   submitted: officer.status == .submitted, csrf: csrf.token, errors: errors,
                                   moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}

