import Hummingbird
import S11App
import S11Core
import S11Reports

/// The audit's scorecard (for board users too), and moderation: the organisation's coordinator
/// records a rating beside each self rating, with a reason (`Moderating`).
struct ScoresController: Sendable {
    let web: WebApp

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/scorecard", use: scorecard)
        group.page("audits/:id/moderation", use: moderation)
        group.page("audits/:id/moderation/item", use: moderationItem)
        group.post("audits/:id/moderate", use: moderate)
    }

    func scorecard(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.summary, in: web.app)
        let session = try await web.app.session(audit)
        let card = try await session.scorecard(for: context.account)
        let staff = try await session.staffResults()
        let scorecard = ScorecardHTML(card: card, gaps: GapFinder().gaps(in: card, staff: staff), catalogue: session.content.catalogue,
                                      trail: try await session.moderationTrail(), staff: staff, showsOfficers: !context.account.isBoard,
                                      moments: web.app.settings.moments)
        return try web.report(request, account: context.account, audit: audit) { scorecard.render(banner: $0) }
    }

    func moderation(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        return try await web.moderationPage(request, context, session: try await web.app.session(audit), place: place(audit), errors: [])
    }

    /// One requirement's moderation, with its answers beside the form.
    func moderationItem(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        return try await web.moderationItemPage(request, context, session: try await web.app.session(audit), place: place(audit),
                                                scope: request.uri.queryParameters["scope"].map(String.init) ?? "", errors: [])
    }

    func moderate(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: RatingForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let session = try await web.app.session(audit)
        switch try await ModerationForm(session: session).apply(form, by: context.account.email, as: .organisation) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/moderation?saved=\(field)#\(field)")
        case .refused(let errors):
            return try await web.moderationRefused(request, context, session: session, place: place(audit), scope: form.scope, errors: errors)
        }
    }

    private func place(_ audit: AuditRecord) -> ModerationPlace {
        ModerationPlace(list: "/admin/audits/\(audit.id)/moderation", action: "/admin/audits/\(audit.id)/moderate", auditID: audit.id)
    }
}
