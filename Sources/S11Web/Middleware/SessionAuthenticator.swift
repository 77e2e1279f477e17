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
        let token = request.cookies[WebSecurity.sessionCookie]?.value
        guard let token, let account = try await web.app.accounts.account(forSession: token) else { return try await signIn(request, session: token) }
        var context = context
        context.account = account
        return try await next(request, context)
    }

    /// To the sign-in page: saying why when the session ran out (not when there was none, or it was
    /// signed out), and keeping first a plain form posted after it ran out.
    private func signIn(_ request: Request, session token: String?) async throws -> Response {
        var request = request
        var ended: String?, kept: String?
        if let token, try await web.app.accounts.hasSession(token) {
            ended = "1"
            if request.method == .post, !UploadForm.isUpload(request) {
                kept = try await web.app.accounts.keepForm(afterSession: token, path: request.uri.path,
                                                           body: String(buffer: try await request.collectBody(upTo: WebApp.maxBody)))
                if kept != nil { ended = "kept" }
            }
        }
        var response = WebSecurity.redirect(to: "/admin/login" + (ended.map { "?ended=\($0)" } ?? ""))
        if let kept {
            response.headers[values: .setCookie].append(WebSecurity.cookie(Self.keptCookie, kept, path: "/admin", sameSite: "Lax", maxAge: 3600,
                                                                           request: request))
        }
        return response
    }
}
