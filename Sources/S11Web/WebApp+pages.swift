import Foundation
import Hummingbird
import S11App
import S11Core

/// What the controllers share: rendering a page, the message page and unknown links, an audit's
/// plan's use cases, the moderation page, and a use case's refusal in a page's words.
extension WebApp {
    /// The page rendered from its model.
    func render(_ page: some PageModel) throws -> String {
        try pages.render(page)
    }

    /// The page as a response, with the shared security headers and, when new, the CSRF cookie.
    func html(_ page: some PageModel, status: HTTPResponse.Status = .ok, request: Request,
              csrf: (token: String, isNew: Bool)? = nil) throws -> Response {
        WebSecurity.html(try render(page), status: status, request: request, csrf: csrf)
    }

    /// A report shown whole (the scorecard, the printable plan), written by `report` around the
    /// signed-in bar (`ReportBanner`) it is given, which it shows on screen and not when printed.
    func report(_ request: Request, account: Coordinator, audit: AuditRecord, _ report: (_ banner: String) -> String) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let banner = try render(ReportBanner(bar: SignedInBar(account: account, csrf: csrf.token, audit: audit)))
        return WebSecurity.html(report(banner), request: request, csrf: csrf)
    }

    /// A question before an action (`ConfirmPage`), made by `page` around the signed-in bar whose
    /// form token its form posts (with the way back to `audit`'s task list, when about one).
    func confirm(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord?, status: HTTPResponse.Status = .ok,
                 _ page: (SignedInBar) -> ConfirmPage) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        return try html(page(SignedInBar(account: context.account, csrf: csrf.token, audit: audit)), status: status, request: request, csrf: csrf)
    }

    /// A message on its own page (`MessagePage`).
    func message(_ request: Request, title: String, paragraphs: [String], status: HTTPResponse.Status = .ok,
                 panel: Bool = false, link: (href: String, text: String)? = nil) -> Response {
        let page = MessagePage(title: title, panel: panel, paragraphs: paragraphs, link: link.map { MessagePage.Link(href: $0.href, text: $0.text) })
        return WebSecurity.html((try? render(page)) ?? title, status: status, request: request)
    }

    /// The answer to a link that matches nothing: 404, said the same way whether it never existed
    /// or was replaced, and later and later for an address that keeps guessing.
    func unknownLink(_ request: Request, _ context: WebRequestContext, title: String, paragraphs: [String]) async -> Response {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let wait = await guessing.miss(from: address)
        if wait > .zero { try? await Task.sleep(for: wait) }
        return message(request, title: title, paragraphs: paragraphs, status: .notFound)
    }

    /// The moderation page of `session`'s audit, its forms posting to `action` (the organisation's
    /// own, or a challenge panel's).
    /// A return's moderation: its requirements, gaps first, as the query filters them.
    func moderationPage(_ request: Request, _ context: SignedInRequestContext, session: AuditSession, place: ModerationPlace,
                        errors: [FieldError]) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let card = try await session.scorecard(for: context.account)   // a challenge panel's: small areas folded
        let query = request.uri.queryParameters
        let filter = ModerationPage.Filter(standard: query["standard"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                                           band: query["band"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, gapsOnly: query["gaps"] == "1")
        let gaps = GapFinder().gaps(in: card, staff: try await session.staffResults())
        let page = ModerationPage(account: context.account, csrf: csrf.token, audit: session.audit, card: card, gaps: Set(gaps.map(\.requirementID)),
                                  trail: try await session.moderationTrail(), place: place, filter: filter, errors: errors,
                                  saved: query["saved"].map(String.init), moments: session.settings.moments)
        return try html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    /// One requirement's or standard's moderation (`scope` as `requirement:S1.1`), with the
    /// answers beside the form; not found for a scope the return does not have.
    func moderationItemPage(_ request: Request, _ context: SignedInRequestContext, session: AuditSession, place: ModerationPlace,
                            scope text: String, errors: [FieldError]) async throws -> Response {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let scope = Moderation.Scope(kind: parts[0], id: parts[1]) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let card = try await session.scorecard(for: context.account)   // a challenge panel's: small areas folded
        guard let page = ModerationItemPage(account: context.account, csrf: csrf.token, audit: session.audit, card: card, scope: scope,
                                            gaps: GapFinder().gaps(in: card, staff: try await session.staffResults()),
                                            moderating: Moderating(session: session), trail: try await session.moderationTrail(), place: place,
                                            errors: errors, moments: session.settings.moments) else { throw HTTPError(.notFound) }
        return try html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    /// After a refused moderation: the requirement's page with the problem, or the list when the
    /// posted scope names nothing of the return's.
    func moderationRefused(_ request: Request, _ context: SignedInRequestContext, session: AuditSession, place: ModerationPlace,
                           scope: String?, errors: [FieldError]) async throws -> Response {
        if let scope, let page = try? await moderationItemPage(request, context, session: session, place: place, scope: scope, errors: errors) {
            return page
        }
        return try await moderationPage(request, context, session: session, place: place, errors: errors)
    }

    // MARK: An audit's use cases

    /// The audit's plan's use cases.
    func planEditing(_ audit: AuditRecord) -> PlanEditing {
        app.planEditing(organisation: audit.organisation, year: audit.year)
    }

    /// A use case's refusal in the page's words (a sentence), or nil for any other error, which
    /// the caller throws on.
    static func refusal(_ error: any Error) -> String? {
        switch error {
        case let error as any UserFacingError: error.message.capitalisedFirst
        default: nil
        }
    }
}
