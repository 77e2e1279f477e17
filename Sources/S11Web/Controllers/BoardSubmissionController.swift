import Hummingbird
import S11App
import S11Core

/// An organisation's side of the board's round: where its self-assessment stands, and its lead
/// submitting it to the board with the declaration (through the application's `BoardRounds`).
struct BoardSubmissionController: Sendable {
    let web: WebApp

    /// "yes" when the lead ticked the declaration.
    struct DeclarationForm: Decodable {
        var declare: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/board", use: submission)
        group.post("audits/:id/board/submit", use: submit)
    }

    func submission(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await submissionPage(request, context, audit: try await context.audit(.running, in: web.app), notice: nil, errors: [])
    }

    func submit(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: DeclarationForm.self)
        let audit = try await context.audit(.running, in: web.app)
        guard try await web.app.session(audit).roundMembership() != nil else { throw HTTPError(.notFound) }
        let declaration = form.declare == "yes" ? BoardRounds.standardDeclaration : ""
        do {
            try await web.app.rounds.submit(auditID: audit.id, by: context.account.email, declaration: declaration)
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await submissionPage(request, context, audit: audit, notice: nil, errors: [FieldError(field: "declare", message: refusal)])
        }
        return try await submissionPage(request, context, audit: audit,
                                        notice: "Submitted to the board. It holds your self-assessment now: answers and officers stay as they are unless the board returns it.",
                                        errors: [])
    }

    private func submissionPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, notice: String?,
                                errors: [FieldError]) async throws -> Response {
        guard let (round, member) = try await web.app.session(audit).roundMembership() else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = BoardSubmissionPage(account: context.account, csrf: csrf.token, audit: audit, round: round, member: member, today: WebApp.today(),
                                       notice: notice, errors: errors, moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
