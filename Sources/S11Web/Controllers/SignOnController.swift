import Foundation
import Hummingbird
import S11App

/// Signing in through an organisation's own accounts (OpenID Connect): a link on the sign-in page
/// sends the browser to the provider with a new sign-in's state, kept in a cookie of this browser
/// too; the provider sends it back with a code, which is taken only with the same state, once.
struct SignOnController: Sendable {
    let web: WebApp

    /// The cookie that ties a sign-in to the browser that began it (Lax: the provider's redirect back is cross-site).
    static let stateCookie = "s11_sign_on"

    /// `sign-on/:provider` and `sign-on/callback` on `group` (`/admin`).
    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("sign-on/callback", use: callback)
        group.get("sign-on/:provider", use: begin)
    }

    /// Begins a sign-in at the provider named: to the provider, with the state in a cookie.
    func begin(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let name = context.parameters.get("provider") else { throw HTTPError(.notFound) }
        let started: (url: String, state: String)?
        do {
            started = try await web.app.signOn.begin(provider: name)
        } catch let refusal as SignOnRefusal {
            return refused(request, refusal.message, status: .badGateway)
        }
        guard let started else {
            return await web.unknownLink(request, context, title: "No such way to sign in", paragraphs: [
                "This server does not sign in through a provider of that name. Sign in with your password, or ask whoever runs s11.",
            ])
        }
        var response = Response(status: .seeOther, headers: [.location: started.url])
        response.headers[values: .setCookie].append(
            WebSecurity.cookie(Self.stateCookie, started.state, path: "/admin/sign-on", sameSite: "Lax", maxAge: 600, request: request))
        return response
    }

    /// The provider's answer: signed in (on to the audits), or a page saying why not.
    func callback(_ request: Request, context: WebRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var response: Response
        if let error = query["error"] {
            // A query string's '+' is a space (providers write their descriptions form-encoded).
            let description = query["error_description"].map { $0.replacingOccurrences(of: "+", with: " ") }
            let said = [String(error), description].compactMap { $0 }.joined(separator: ": ")
            response = refused(request, "The provider did not sign you in; it said \"\(said)\".", status: .forbidden)
        } else if let state = query["state"].map(String.init), let code = query["code"].map(String.init), !code.isEmpty {
            if request.cookies[Self.stateCookie]?.value != state {
                response = refused(request, "This sign-in was begun in another browser, or its ten minutes have passed. Start again from the sign-in page, in this browser.",
                                   status: .forbidden)
            } else {
                do {
                    let address = context.remoteAddress?.ipAddress ?? "unknown"
                    let (session, account) = try await web.app.signOn.finish(state: state, code: code, address: address)
                    let onwards = KeptFormController.afterSignIn(request)
                    response = web.message(request, title: "Signed in", paragraphs: ["You are signed in as \(account.email)."],
                                           panel: true, link: (onwards, onwards == "/admin" ? "Continue to your audits" : "Continue to what you were saving"))
                    // Refresh, not a redirect: the session's cookie is SameSite=Strict, and a redirect
                    // that follows the provider's cross-site one would not carry it.
                    response.headers[.init("Refresh")!] = "0; url=\(onwards)"
                    response.headers[values: .setCookie].append(WebSecurity.sessionCookie(session, request: request))
                } catch let refusal as SignOnRefusal {
                    response = refused(request, refusal.message, status: .forbidden)
                }
            }
        } else {
            response = refused(request, "The provider's answer carried no sign-in code. Start again from the sign-in page.", status: .badRequest)
        }
        response.headers[values: .setCookie].append(WebSecurity.cookie(Self.stateCookie, "", path: "/admin/sign-on", sameSite: "Lax", maxAge: 0, request: request))
        return response
    }

    /// A sign-in refused: why, and the way back to the sign-in page.
    private func refused(_ request: Request, _ reason: String, status: HTTPResponse.Status) -> Response {
        web.message(request, title: "You are not signed in", paragraphs: [reason], status: status, link: ("/admin/login", "Back to sign in"))
    }
}
