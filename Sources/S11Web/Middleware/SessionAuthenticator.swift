import Hummingbird

/// The one door to the signed-in pages: reads the session cookie and looks up its account; without
/// one (no cookie, an ended or unknown session) the browser is sent to sign in, else the account
/// goes on in the context, which the signed-in routes see as `SignedInRequestContext`. A posted
/// form's size and token were checked before (`FormGuard`), so a forged form is refused the same,
/// signed in or not.
struct SessionAuthenticator: RouterMiddleware {
    let app: WebApp

    func handle(_ request: Request, context: WebRequestContext,
                next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[WebSecurity.sessionCookie]?.value,
              let account = try await app.store.accounts.find(session: token) else { return WebSecurity.redirect(to: "/admin/login") }
        var context = context
        context.account = account
        return try await next(request, context)
    }
}
