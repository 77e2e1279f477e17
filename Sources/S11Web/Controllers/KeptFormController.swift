import Hummingbird
import S11App

/// A form posted after its session ended, given back once its account has signed in again: the
/// page shows what was being saved and sends it, with the new session's CSRF token, where it was
/// going, when the coordinator says so.
struct KeptFormController: Sendable {
    let web: WebApp

    /// `kept` on `signedIn`.
    func addRoutes(to signedIn: RouterGroup<SignedInRequestContext>) {
        signedIn.page("kept", use: kept)
    }

    /// Where to go once signed in: the kept form when the browser holds one, else the audits.
    static func afterSignIn(_ request: Request) -> String {
        request.cookies[SessionAuthenticator.keptCookie] == nil ? "/admin" : "/admin/kept"
    }

    func kept(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        guard let token = request.cookies[SessionAuthenticator.keptCookie]?.value,
              let form = try await web.app.accounts.takeKeptForm(token: token, for: context.account) else {
            return WebSecurity.redirect(to: "/admin")
        }
        var response = try web.html(KeptFormPage(account: context.account, csrf: csrf.token, form: form), request: request, csrf: csrf)
        response.headers[values: .setCookie].append(WebSecurity.cookie(SessionAuthenticator.keptCookie, "", path: "/admin", sameSite: "Lax", maxAge: 0,
                                                                       request: request))
        return response
    }
}
