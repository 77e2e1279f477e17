import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store

/// An officer's return in the browser, at the officer's unique link: one standard per page, each
/// page saved the moment it is sent, "Save and come back later", "Check your answers", then
/// Submit. The link resumes where the officer left off; a submitted return is read-only.
struct ReturnPages: Sendable {
    let app: WebApp

    /// Everything a page needs about the officer behind a link.
    struct Officer {
        var token: String
        var audit: AuditRecord
        var content: AuditContent
        var officer: S11Core.Officer
        var sections: [Section]
        var status: ReturnStatus
        var submittedAt: String?
        var answers: [String: Answer]

        /// The use case every change to this return goes through.
        func taking(_ store: AuditStore) -> ReturnTaking { ReturnTaking(store: store, audit: audit, content: content) }
    }

    /// A problem on a form: the field it is about and what to do.
    struct FormError {
        var field: String
        var message: String
        var questionID: String
    }

    func load(_ context: WebRequestContext) async throws -> Officer? {
        guard let token = context.parameters.get("token"), let found = try await app.store.officer(forToken: token) else { return nil }
        let (audit, content) = try await app.content(auditID: found.auditID)
        let stored = try await app.store.officerReturn(officerEmail: found.officer.email, auditID: audit.id)
        return Officer(token: token, audit: audit, content: content, officer: found.officer,
                       sections: content.selfAssessment.sections(forRole: found.officer.role).filter { !$0.questions.isEmpty },
                       status: stored.status, submittedAt: stored.submittedAt,
                       answers: Dictionary(stored.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    func unknownLink(_ request: Request, _ context: WebRequestContext) async -> Response {
        await app.unknownLink(request, context, title: "This link does not work", paragraphs: [
            "The link may have been mistyped, or replaced by a newer invitation.",
            "Ask your organisation's safeguarding audit coordinator for your current link.",
        ])
    }

    // MARK: Pages

    func start(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        if officer.status == .submitted { return WebSecurity.redirect(to: "/r/\(officer.token)/check") }
        let firstOpen = officer.sections.firstIndex { section in
            section.questions.contains { officer.answers[$0.id]?.optionValue == nil || officer.answers[$0.id]?.carried == true }
        }
        return WebSecurity.redirect(to: firstOpen.map { "/r/\(officer.token)/s/\($0 + 1)" } ?? "/r/\(officer.token)/check")
    }

    func section(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        if officer.status == .submitted { return WebSecurity.redirect(to: "/r/\(officer.token)/check") }
        guard let position = position(context, officer) else { return await unknownLink(request, context) }
        return try page(request, officer, position: position, answers: officer.answers, errors: [])
    }

    func saveSection(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        guard officer.status != .submitted else {
            return app.message(request, title: "Your return has been submitted",
                               paragraphs: ["It cannot be changed now. Ask the audit coordinator to reopen it if something needs correcting."],
                               status: .conflict, link: ("/r/\(officer.token)/check", "See your submitted return"))
        }
        guard let position = position(context, officer) else { return await unknownLink(request, context) }
        let finishing = form["action"] != "save"
        let section = officer.sections[position - 1]
        var answers = officer.answers
        var typed: [Answer] = []
        var errors: [FormError] = []
        // The form was shown with answers that have been changed since (another tab or browser):
        // keep what was typed on the page, save nothing over the newer answers, and say what they are.
        let shownWith = form["version"]
        let conflict = shownWith != nil && shownWith != AnswerSetVersion.of(officer.answers, questionIDs: section.questions.map(\.id))
        let taking = officer.taking(app.store)
        for question in section.questions {
            let option = form.text("option.\(question.id)")
            let answer = Answer(questionID: question.id, choice: Answer.choice(from: option),
                                evidence: form["evidence.\(question.id)"], example: form["example.\(question.id)"],
                                reason: form["reason.\(question.id)"],
                                improvement: Improvement(action: form["improvement.\(question.id)"],
                                                         lead: form["improvement-lead.\(question.id)"], by: form["improvement-by.\(question.id)"]))
            answers[question.id] = answer
            let field = WebApp.domID(question.id) + (option == nil ? "" : "-evidence")
            switch taking.rules.answerProblem(answer, question: question) {
            case .notOnScale?, .notApplicableNotAllowed?:
                errors.append(FormError(field: WebApp.domID(question.id), message: "Choose one of the answers given for \(question.requirementID)", questionID: question.id))
                continue                                  // a tampered value is never stored
            case .notApplicableWithoutReason?:
                errors.append(FormError(field: WebApp.domID(question.id) + "-reason", message: "Say why \(question.requirementID) does not apply", questionID: question.id))
            case nil:
                switch finishing ? taking.rules.shortfall(answer, question: question) : nil {
                case .unanswered?:
                    errors.append(FormError(field: WebApp.domID(question.id) + "-opt-0", message: "Choose how far \(question.requirementID) is met", questionID: question.id))
                case .evidenceMissing?:
                    errors.append(FormError(field: field, message: "Give the evidence for \(question.requirementID)", questionID: question.id))
                default:
                    break
                }
            }
            if !answer.isBlank { typed.append(answer) }
        }
        if conflict {
            return try page(request, officer, position: position, answers: answers,
                            errors: changedMeanwhile(officer, section: section, typed: answers), status: .conflict)
        }
        try await taking.savePage(typed, officer: officer.officer)
        if !finishing {
            return app.message(request, title: "Your answers have been saved", paragraphs: [
                "You can close this page. Use the link in your invitation to come back; it opens where you left off, in any browser.",
            ] + (errors.isEmpty ? [] : ["Some answers on this page still need attention; they are marked when you come back."]),
                panel: true, link: ("/r/\(officer.token)", "Carry on now"))
        }
        if !errors.isEmpty {
            let saved = try await load(context) ?? officer                  // the page's version is now what was just saved
            return try page(request, saved, position: position, answers: answers, errors: errors)
        }
        let next = position < officer.sections.count ? "/r/\(officer.token)/s/\(position + 1)" : "/r/\(officer.token)/check"
        return WebSecurity.redirect(to: next)
    }

    func check(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        return try checkPage(request, officer, errors: [])
    }

    func submit(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        if officer.status == .submitted { return WebSecurity.redirect(to: "/r/\(officer.token)/done") }
        let shortfalls = try await officer.taking(app.store).submit(officer: officer.officer)
        if shortfalls.isEmpty { return WebSecurity.redirect(to: "/r/\(officer.token)/done") }
        let errors = shortfalls.map { question, shortfall -> FormError in
            let message = switch shortfall {
            case .unanswered: "Answer \(question.requirementID)"
            case .carried: "Confirm or change last year's answer to \(question.requirementID)"
            case .invalid: "Correct the answer to \(question.requirementID)"
            case .evidenceMissing: "Give the evidence for \(question.requirementID)"
            }
            return FormError(field: WebApp.domID(question.id), message: message, questionID: question.id)
        }
        return try checkPage(request, officer, errors: errors)
    }

    func done(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let officer = try await load(context) else { return await unknownLink(request, context) }
        guard officer.status == .submitted else { return WebSecurity.redirect(to: "/r/\(officer.token)/check") }
        return app.message(request, title: "Return submitted", paragraphs: [
            "Thank you, \(officer.officer.name). Your return for \(officer.audit.organisation) \(officer.audit.year) has been submitted.",
            "The audit coordinator will use it for the organisation's scores and next year's action plan.",
        ], panel: true, link: ("/r/\(officer.token)/check", "See what you submitted"))
    }

    // MARK: Rendering

    private func position(_ context: WebRequestContext, _ officer: Officer) -> Int? {
        guard let text = context.parameters.get("position"), let position = Int(text), (1...officer.sections.count).contains(position)
        else { return nil }
        return position
    }

    /// What to say when a page comes back after its answers changed elsewhere: one line at the
    /// top, and at each question whose saved answer now differs from the page, what is saved.
    private func changedMeanwhile(_ officer: Officer, section: Section, typed: [String: Answer]) -> [FormError] {
        var errors = [FormError(field: WebApp.domID(section.questions.first?.id ?? ""),
                                message: "These answers were changed in another window after you opened this page. What you typed is below and is not saved yet: check it against what is saved now, then save again to keep it.",
                                questionID: "")]
        for question in section.questions {
            let saved = officer.answers[question.id]
            let mine = typed[question.id]
            guard saved?.optionValue != mine?.optionValue || saved?.evidence != mine?.evidence else { continue }
            let label = saved?.optionValue.map { value in
                value == Answer.notApplicableValue ? "Not applicable" : officer.content.scale(question.scaleID)?.option(value)?.label ?? value
            } ?? "no answer"
            let evidence = saved?.evidence.map { ", evidence: \"\($0)\"" } ?? ""
            errors.append(FormError(field: WebApp.domID(question.id), message: "Saved meanwhile for \(question.requirementID): \(label)\(evidence)",
                                    questionID: question.id))
        }
        return errors
    }

    private func page(_ request: Request, _ officer: Officer, position: Int, answers: [String: Answer], errors: [FormError],
                      status: HTTPResponse.Status? = nil) throws -> Response {
        let section = officer.sections[position - 1]
        let csrf = WebSecurity.csrfToken(for: request)
        let version = AnswerSetVersion.of(officer.answers, questionIDs: section.questions.map(\.id))
        let chosenValues = Dictionary(section.questions.map { ($0.id, chosen(answers[$0.id], in: officer.content.scale($0.scaleID))) },
                                      uniquingKeysWith: { a, _ in a })
        let html: String
        if errors.isEmpty {
            // The section as everyone of this role sees it is rendered once; the officer's own
            // answers, link, version and the request's CSRF token are put in.
            let key = "\(officer.audit.id) \(officer.officer.role) \(position)"
            html = try app.sectionForms.page(key, render: {
                let marks = SectionMarks()
                return (try render(officer, position: position, answers: [:], errors: [], csrf: "", version: "", marks: marks), marks.slots)
            }, fill: { slot, region in
                switch slot {
                case .token: HTMLText.escape(officer.token)
                case .csrf: HTMLText.escape(csrf.token)
                case .version: HTMLText.escape(version)
                case .text(let questionID, let field): HTMLText.escape(field.value(answers[questionID]) ?? "")
                case .checked(let questionID, let value): chosenValues[questionID] == value ? " checked" : ""
                case .carried(let questionID): answers[questionID]?.carried == true ? region ?? "" : ""
                }
            })
        } else {
            html = try render(officer, position: position, answers: answers, errors: errors, csrf: csrf.token, version: version, marks: nil)
        }
        return WebSecurity.html(html, status: status ?? (errors.isEmpty ? .ok : .unprocessableContent), request: request, csrf: csrf)
    }

    /// The option the officer chose for a question, as its scale names it.
    private func chosen(_ answer: Answer?, in scale: Scale?) -> String? {
        answer?.optionValue.flatMap { value in scale?.option(value)?.value ?? value }
    }

    /// The section page; with `marks`, a marker (see `PageShellCache`) wherever the officer's own
    /// values go, instead of the values.
    private func render(_ officer: Officer, position: Int, answers: [String: Answer], errors: [FormError], csrf: String,
                        version: String, marks: SectionMarks?) throws -> String {
        let section = officer.sections[position - 1]
        let standard = officer.content.catalogue.standards.first { $0.id == section.standardID }
        let questions: [[String: Any]] = section.questions.map { question in
            let requirement = officer.content.catalogue.requirement(question.requirementID)
            let answer = answers[question.id]
            let scale = officer.content.scale(question.scaleID)
            var options: [(value: String, label: String)] = scale?.options.map { ($0.value, $0.label) } ?? []
            if requirement?.naAllowed == true { options.append((Answer.notApplicableValue, "Not applicable")) }
            let chosen = chosen(answer, in: scale)
            let id = WebApp.domID(question.id)
            func text(_ field: SectionMarks.Field) -> String {
                marks?.value(.text(question.id, field)) ?? field.value(answer) ?? ""
            }
            var values: [String: Any?] = [
                "questionID": question.id, "domID": id, "requirementID": question.requirementID,
                "statement": requirement?.statement ?? "", "guidance": requirement?.guidance ?? "",
                "examples": requirement?.evidenceExamples.joined(separator: "; ") ?? "",
                "evidenceRequired": question.evidenceRequired, "naAllowed": requirement?.naAllowed == true,
                "carried": marks != nil || answer?.carried == true,
                "evidence": text(.evidence), "example": text(.example), "reason": text(.reason),
                "improvement": text(.improvement), "improvementLead": text(.improvementLead), "improvementBy": text(.improvementBy),
                "error": errors.first { $0.questionID == question.id }?.message,
                "options": options.enumerated().map { index, option in
                    ["optionID": "\(id)-opt-\(index)", "questionID": question.id, "value": option.value, "label": option.label,
                     "checked": marks?.value(.checked(question.id, option.value)) ?? (option.value == chosen ? " checked" : nil)]
                        .compactMapValues { $0 } as [String: Any]
                },
            ]
            if let marks {
                let (start, end) = marks.region(.carried(question.id))
                values["carriedStart"] = start
                values["carriedEnd"] = end
            }
            return values.compactMapValues { $0 }
        }
        return try app.render("return-section", [
            "title": standard?.title ?? section.standardID, "token": marks?.value(.token) ?? officer.token,
            "csrf": marks?.value(.csrf) ?? csrf,
            "organisation": officer.audit.organisation, "year": officer.audit.year,
            "position": position, "sectionCount": officer.sections.count,
            "standardNumber": standard?.number ?? position, "standardTitle": standard?.title ?? section.standardID,
            "questions": questions, "hasErrors": !errors.isEmpty,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "version": marks?.value(.version) ?? version,
        ])
    }

    private func checkPage(_ request: Request, _ officer: Officer, errors: [FormError]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let submitted = officer.status == .submitted
        let sections: [[String: Any]] = officer.sections.enumerated().map { index, section in
            let standard = officer.content.catalogue.standards.first { $0.id == section.standardID }
            return [
                "standardNumber": standard?.number ?? index + 1, "standardTitle": standard?.title ?? section.standardID,
                "answers": section.questions.map { question -> [String: Any] in
                    let answer = officer.answers[question.id]
                    let label: String? = switch answer?.choice {
                    case .option(let value)?: officer.content.scale(question.scaleID)?.option(value)?.label ?? value
                    case .notApplicable?: "Not applicable"
                    default: nil
                    }
                    let values: [String: Any?] = [
                        "domID": WebApp.domID(question.id), "requirementID": question.requirementID,
                        "statement": officer.content.catalogue.requirement(question.requirementID)?.statement ?? "",
                        "label": label, "carried": answer?.carried == true, "evidence": answer?.evidence,
                        "example": answer?.example, "reason": answer?.reason, "improvement": answer?.improvement.map(Self.proposal),
                        "position": index + 1, "token": officer.token, "submitted": submitted]
                    return values.compactMapValues { $0 }
                },
            ]
        }
        let html = try app.render("return-check", [
            "title": submitted ? "Your submitted return" : "Check your answers", "token": officer.token, "csrf": csrf.token,
            "organisation": officer.audit.organisation, "year": officer.audit.year, "officerName": officer.officer.name,
            "submitted": submitted, "submittedAt": officer.submittedAt ?? "", "sections": sections,
            "hasErrors": !errors.isEmpty, "errors": errors.map { ["field": $0.field, "message": $0.message] },
        ])
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    /// An improvement as the check page shows it: what, by whom, by when.
    static func proposal(_ improvement: Improvement) -> String {
        [improvement.action, improvement.lead.map { "led by \($0)" }, improvement.by.map { "by \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}
