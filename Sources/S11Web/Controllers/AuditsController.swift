import Foundation
import Hummingbird
import S11App
import S11Core

/// The signed-in account's audits; opening the year's audit (which self-assessment of the
/// server's Standards/ and Surveys/, the deadline and contact, and whether last year's officers and
/// answers come forward, through the application's `AuditDirectory.open`, as `s11 audit open` does);
/// an audit's task list with who has returned; and reopening a submitted return.
struct AuditsController: Sendable {
    let web: WebApp

    /// The form that opens an audit.
    struct NewAuditForm: Decodable {
        @NonBlank var year: String?
        @NonBlank var survey: String?
        @NonBlank var deadline: String?
        @NonBlank var contact: String?
        /// "yes" to start from last year's audit.
        var carry: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page(use: audits)
        group.page("audits/new", use: newAuditForm)
        group.post("audits/new", use: openAudit)
        group.page("audits/:id", use: audit)
        group.page("audits/:id/reopen", use: reopenConfirm)
        group.post("audits/:id/reopen", use: reopen)
    }

    func audits(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let account = context.account
        let csrf = WebSecurity.csrfToken(for: request)
        let audits = try await web.app.audits.summaries(of: web.app.audits.visible(to: account)).map { AuditsPage.Audit($0, account: account) }
        // The returns of other organisations the board asked this one to review, while each review lasts.
        let reviews = try await web.app.peers.assignments(for: account)
        return try web.html(AuditsPage(account: account, csrf: csrf.token, audits: audits, reviews: reviews), request: request, csrf: csrf)
    }

    func newAuditForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await newAuditPage(request, context, typed: NewAuditPage.Typed(), errors: [])
    }

    func openAudit(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: NewAuditForm.self)
        let account = context.account
        guard let organisation = account.organisation else { throw HTTPError(.notFound) }   // boards open rounds, not audits
        let typed = NewAuditPage.Typed(year: form.year ?? "", survey: form.survey ?? "", deadline: form.deadline ?? "",
                                       contact: form.contact ?? "", carry: form.carry ?? "")
        var errors: [FieldError] = []
        let year = Int(typed.year ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.append(FieldError(field: "year", message: "Write the audit year as four digits, for example 2027")) }
        let deadline = typed.deadline.flatMap { $0.isEmpty ? nil : $0 }
        if let deadline, CalendarDate(iso: deadline) == nil {
            errors.append(FieldError(field: "deadline", message: "Write the deadline as YYYY-MM-DD, for example 2027-03-31"))
        }
        let audits = try await web.app.audits.visible(to: account)
        if let year, audits.contains(where: { $0.year == year }) {
            errors.append(FieldError(field: "year", message: "The \(year) audit is already open; choose it from your audits"))
        }
        guard errors.isEmpty, let year, web.app.settings.contentRoot != nil else {
            if web.app.settings.contentRoot == nil {
                errors.append(FieldError(field: "year", message: "This server was started without Standards/ and Surveys/ (s11 serve --content DIR)"))
            }
            return try await newAuditPage(request, context, typed: typed, errors: errors)
        }
        let carry = typed.carry == "yes" && audits.contains { $0.year == year - 1 }
        let session: AuditSession
        do {
            session = try await web.app.audits.open(organisation: organisation, year: year, surveyID: typed.survey.flatMap { $0.isEmpty ? nil : $0 },
                                                    carryFromLastYear: carry, deadline: deadline.flatMap(CalendarDate.init(iso:)),
                                                    contact: typed.contact.flatMap { $0.isEmpty ? nil : $0 })
        } catch let error as DiagnosticsError {
            return try await newAuditPage(request, context, typed: typed, errors: [
                FieldError(field: "survey", message: "The server's content does not pass 's11 check': \(error.diagnostics.first?.description ?? "")"),
            ])
        }
        return WebSecurity.redirect(to: "/admin/audits/\(session.audit.id)")
    }

    func audit(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await auditPage(request, context, audit: try await context.audit(.running, in: web.app), notice: nil)
    }

    /// Asks before reopening: what happens to the officer's return, and why, for the message they are sent.
    func reopenConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let email = request.uri.queryParameters["email"].map(String.init) else { throw HTTPError(.notFound) }
        return try await reopenPage(request, context, audit: audit, email: email, reason: "", error: nil)
    }

    /// Reopens the return and sends the officer the reason, with a link; says what became of the message.
    func reopen(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: ReopenForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let email = form.email ?? ""
        guard let reason = form.reason else {
            return try await reopenPage(request, context, audit: audit, email: email, reason: "",
                                        error: "Say why the return is reopened: the officer is sent these words")
        }
        do {
            let told: String
            switch try await web.app.session(audit).reopen(officerEmail: email, reason: reason, by: context.account.email) {
            case .sent(let records):
                told = records.first.map { $0.accepted ? "they have been sent your reason and a link" : "the message to them was not sent (\($0.detail))" }
                    ?? "no message went"
            case .written(let folder, _):
                told = "the message with your reason was written to \(folder.path) for your mail system to send"
            }
            return try await auditPage(request, context, audit: audit,
                                       notice: "Reopened \(email)'s return: \(told). It counts again once they submit it.")
        } catch let error as any UserFacingError {
            return try await auditPage(request, context, audit: audit, notice: error.message)
        }
    }

    private func reopenPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, email: String, reason: String,
                            error: String?) async throws -> Response {
        guard let status = try await web.app.session(audit).officerStatus(email: email),
              status.status == .submitted else { throw HTTPError(.notFound) }
        let name = status.officer.name
        return try web.confirm(request, context, audit: audit, status: error == nil ? .ok : .unprocessableContent) { bar in
            ConfirmPage(title: "Reopen \(name)'s return?", bar: bar,
                        paragraphs: ["\(name)'s answers are kept. They can change them at the link they were sent and must submit again; "
                                     + "until they do, their return does not count in the scores, the moderation or the plan.",
                                     "\(name) is sent a message at \(status.officer.email) with your reason and a link to the return."],
                        action: "/admin/audits/\(audit.id)/reopen", fields: [.init(name: "email", value: status.officer.email)],
                        button: "Reopen the return and tell \(name)", backHref: "/admin/audits/\(audit.id)", backText: "Keep it submitted",
                        question: .init(name: "reason", label: "Why it is reopened",
                                        hint: "For example: S3.2 says Fully met, but the training records show 60% completion. Please check and resubmit.",
                                        value: reason, error: error),
                        form: FormErrors(error.map { [FieldError(field: "reason", message: $0)] } ?? []))
        }
    }

    // MARK: Pages

    private func newAuditPage(_ request: Request, _ context: SignedInRequestContext, typed: NewAuditPage.Typed,
                              errors: [FieldError]) async throws -> Response {
        guard let organisation = context.account.organisation else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let surveys = web.app.audits.surveysOnOffer()
        let last = try await web.app.audits.visible(to: context.account).first
        let page = NewAuditPage(account: context.account, organisation: organisation, csrf: csrf.token, surveys: surveys, lastYear: last?.year,
                                typed: typed, thisYear: Calendar(identifier: .gregorian).component(.year, from: Date()), errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func auditPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, notice: String?) async throws -> Response {
        let session = try await web.app.session(audit)
        let statuses = try await session.officerStatuses()
        let due = try await session.returnsDue()
        let progress = AuditPage.Progress(reached: try await session.officersReachedByMail(), staffAnswerSets: try await session.staffAnswerCount(),
                                          plan: try await session.plan(), membership: try await session.roundMembership())
        let csrf = WebSecurity.csrfToken(for: request)
        let page = AuditPage(account: context.account, csrf: csrf.token, audit: audit, content: session.content, statuses: statuses,
                             deadline: due.deadline, today: WebApp.today(), progress: progress, notice: notice)
        return try web.html(page, request: request, csrf: csrf)
    }
}
