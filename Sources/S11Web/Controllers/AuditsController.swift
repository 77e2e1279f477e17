import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML

/// The signed-in account's audits; opening the year's audit (which self-assessment of the
/// server's Standards/ and Surveys/, the deadline and contact, and whether last year's officers and
/// answers come forward, through the application's `AuditSession.open`, as `s11 audit open` does);
/// an audit's task list with who has returned; and reopening a submitted return.
struct AuditsController: Sendable {
    let app: WebApp

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
        group.post("audits/:id/reopen", use: reopen)
    }

    func audits(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let account = context.account
        let csrf = WebSecurity.csrfToken(for: request)
        var audits: [AuditsPage.Audit] = []
        for audit in try await app.store.audits.visible(to: account) {
            audits.append(AuditsPage.Audit(audit, statuses: try await app.store.officers.statuses(auditID: audit.id),
                                           deadline: try await app.store.returns.due(auditID: audit.id).deadline, account: account))
        }
        // The returns of other organisations the board asked this one to review, while each review lasts.
        var reviews: [PeerPairing] = []
        if let organisation = account.organisation { reviews = try await app.store.peers.assignments(organisation: organisation) }
        return try app.html(AuditsPage(account: account, csrf: csrf.token, audits: audits, reviews: reviews), request: request, csrf: csrf)
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
        let audits = try await app.store.audits.visible(to: account)
        if let year, audits.contains(where: { $0.year == year }) {
            errors.append(FieldError(field: "year", message: "The \(year) audit is already open; choose it from your audits"))
        }
        guard errors.isEmpty, let year, let root = app.contentRoot else {
            if app.contentRoot == nil {
                errors.append(FieldError(field: "year", message: "This server was started without Standards/ and Surveys/ (s11 serve --content DIR)"))
            }
            return try await newAuditPage(request, context, typed: typed, errors: errors)
        }
        let previous = typed.carry == "yes" ? audits.first { $0.year == year - 1 } : nil
        let session: AuditSession
        do {
            session = try await AuditSession.open(store: app.store, root: root, organisation: organisation, year: year,
                                                  surveyID: typed.survey.flatMap { $0.isEmpty ? nil : $0 }, carryFrom: previous)
        } catch let error as DiagnosticsError {
            return try await newAuditPage(request, context, typed: typed, errors: [
                FieldError(field: "survey", message: "The server's content does not pass 's11 check': \(error.diagnostics.first?.description ?? "")"),
            ])
        }
        try await app.store.returns.setDue(auditID: session.audit.id, deadline: deadline.flatMap(CalendarDate.init(iso:)),
                                          contact: typed.contact.flatMap { $0.isEmpty ? nil : $0 })
        return WebSecurity.redirect(to: "/admin/audits/\(session.audit.id)")
    }

    func audit(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await auditPage(request, context, audit: try await context.audit(.running, in: app.store), notice: nil)
    }

    func reopen(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: OfficerEmailForm.self)
        let audit = try await context.audit(.running, in: app.store)
        let email = form.email ?? ""
        do {
            try await app.store.returns.reopen(officerEmail: email, auditID: audit.id)
            return try await auditPage(request, context, audit: audit,
                                       notice: "Reopened \(email)'s return: they can change it at their link, and it counts again once they submit it.")
        } catch let error as any UserFacingError {
            return try await auditPage(request, context, audit: audit, notice: error.message)
        }
    }

    // MARK: Pages

    private func newAuditPage(_ request: Request, _ context: SignedInRequestContext, typed: NewAuditPage.Typed,
                              errors: [FieldError]) async throws -> Response {
        guard let organisation = context.account.organisation else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let surveys = app.contentRoot.map { ContentLoader(root: $0).load().library.surveys.filter { $0.kind == .selfAssessment } } ?? []
        let last = try await app.store.audits.visible(to: context.account).first
        let page = NewAuditPage(account: context.account, organisation: organisation, csrf: csrf.token, surveys: surveys, lastYear: last?.year,
                                typed: typed, thisYear: Calendar(identifier: .gregorian).component(.year, from: Date()), errors: errors)
        return try app.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func auditPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, notice: String?) async throws -> Response {
        let content = try await app.content(of: audit)
        let statuses = try await app.store.officers.statuses(auditID: audit.id)
        let due = try await app.store.returns.due(auditID: audit.id)
        let progress = AuditPage.Progress(reached: try await app.store.mail.officersReached(auditID: audit.id),
                                          staffAnswerSets: try await app.store.staff.answerSetCount(auditID: audit.id),
                                          plan: try await app.store.plans.find(organisation: audit.organisation, year: audit.year),
                                          membership: try await app.store.rounds.membership(auditID: audit.id))
        let csrf = WebSecurity.csrfToken(for: request)
        let page = AuditPage(account: context.account, csrf: csrf.token, audit: audit, content: content, statuses: statuses, deadline: due.deadline,
                             today: WebApp.today(), progress: progress, notice: notice)
        return try app.html(page, request: request, csrf: csrf)
    }
}
