import Hummingbird
import S11App

/// The one door to the signed-in pages: reads the session cookie and looks up its account; without
/// one (no cookie, an ended or unknown session) the browser is sent to sign in, else the account
/// goes on in the context, which the signed-in routes see as `SignedInRequestContext`. A posted
/// form's size and token were checked before (`FormGuard`), so a forged form is refused the same,
/// signed in or not. A form posted after its session ended (left unused too long) is kept for its
/// account to send once signed in again (`KeptFormController`), so that what was typed is not lost.
struct SessionAuthenticator: RouterMiddleware {
    let web: WebApp

    /// The cookie that finds a kept form again (only its hash is stored; Lax, so that signing in
    /// again through a provider, whose answer comes cross-site, still finds it).
    static let keptCookie = "s11_kept"

    func handle(_ request: Request, context: WebRequestContext,
                next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[WebSecurity.sessionCookie]?.value else { return WebSecurity.redirect(to: "/admin/login") }
        guard let account = try await web.app.accounts.account(forSession: token) else { return try await ended(token, request) }
        var context = context
        context.account = account
        return try await next(request, context)
    }

    /// A session that has ended: to sign in again, saying why when it ran out (not when it was
    /// signed out); a plain form posted is kept first.
    private func ended(_ token: String, _ request: Request) async throws -> Response {
        guard try await web.app.accounts.hasSession(token) else { return WebSecurity.redirect(to: "/admin/login") }
        var request = request
        guard request.method == .post, !UploadForm.isUpload(request),
              let kept = try await web.app.accounts.keepForm(afterSession: token, path: request.uri.path,
                                                             body: String(buffer: try await request.collectBody(upTo: WebApp.maxBody))) else {
            return WebSecurity.redirect(to: "/admin/login?ended=1")
        }
        var response = WebSecurity.redirect(to: "/admin/login?ended=kept")
        let secure = request.headers[.init("X-Forwarded-Proto")!] == "https"
        response.headers[values: .setCookie].append("\(Self.keptCookie)=\(kept); Path=/admin; HttpOnly; SameSite=Lax; Max-Age=3600\(secure ? "; Secure" : "")")
        return response
    }
}
