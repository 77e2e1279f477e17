import Foundation
import HTTPTypes
import Hummingbird
import S11App

/// The protections every page shares: a CSRF token on every form, and the security headers
/// (`SecurityHeaders`) on pages and redirects. Signed in, the token is derived from the session
/// (so a cookie planted by someone who can set cookies on the host does not pass, and a new
/// session brings a new token); without a session (officers' and staff links, the sign-in form)
/// it is a double-submit token, a random cookie that each form must echo.
enum WebSecurity {
    static let csrfCookie = "s11_csrf"
    /// The signed-in coordinator's session.
    static let sessionCookie = "s11_session"

    /// The headers that stop caching, framing, sniffing and referrer leaks of link tokens, which
    /// every response carries (`SecurityHeaders` on the router's, `ResponseHeadSecurity` on the
    /// connection's own).
    static let headers: HTTPFields = [
        .cacheControl: "no-store",
        .init("Referrer-Policy")!: "no-referrer",
        .init("X-Content-Type-Options")!: "nosniff",
        .init("X-Frame-Options")!: "DENY",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ]

    /// The refusal of a form whose CSRF token does not match.
    static let refusedForm = HTTPError(.forbidden, message: "This form has expired or did not come from s11. Go back, reload the page and try again.")

    /// The request's CSRF token, or a fresh one to set.
    static func csrfToken(for request: Request) -> (token: String, isNew: Bool) {
        if let session = sessionToken(request) { return (FormTokens.derived(fromSession: session), false) }
        if let existing = request.cookies[csrfCookie]?.value, FormTokens.isWellFormed(existing) { return (existing, false) }
        return (FormTokens.random(), true)
    }

    /// True when `field` (a form's csrf value) is the token of the request's session, or without one, of its cookie.
    static func csrfMatches(field: String?, request: Request) -> Bool {
        guard let field else { return false }
        let expected: String
        if let session = sessionToken(request) {
            expected = FormTokens.derived(fromSession: session)
        } else {
            guard let cookie = request.cookies[csrfCookie]?.value, FormTokens.isWellFormed(cookie) else { return false }
            expected = cookie
        }
        return Data(expected.utf8).withUnsafeBytes { a in
            Data(field.utf8).withUnsafeBytes { b in a.count == b.count && zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0 }
        }
    }

    /// The coordinator's session cookie, when the request carries a well-formed one.
    private static func sessionToken(_ request: Request) -> String? {
        guard let value = request.cookies[sessionCookie]?.value, FormTokens.isWellFormed(value) else { return nil }
        return value
    }

    /// An HTML response with the shared security headers, setting the CSRF cookie when it is new.
    static func html(_ body: String, status: HTTPResponse.Status = .ok, request: Request, csrf: (token: String, isNew: Bool)? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]      // and the shared ones (`SecurityHeaders`)
        if let csrf, csrf.isNew {
            headers[values: .setCookie].append(cookie(csrfCookie, csrf.token, path: "/", request: request))
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The Set-Cookie value that keeps a new signed-in session (secure behind https).
    static func sessionCookie(_ token: String, request: Request) -> String {
        cookie(sessionCookie, token, path: "/admin", request: request)
    }

    /// A Set-Cookie value: HttpOnly, `sameSite` (Strict unless a cross-site arrival must carry it),
    /// Secure behind https, lasting `maxAge` seconds (0 deletes it; nil, the browser's session).
    static func cookie(_ name: String, _ value: String, path: String, sameSite: String = "Strict", maxAge: Int? = nil, request: Request) -> String {
        let secure = request.headers[.init("X-Forwarded-Proto")!] == "https"
        return "\(name)=\(value); Path=\(path); HttpOnly; SameSite=\(sameSite)\(maxAge.map { "; Max-Age=\($0)" } ?? "")\(secure ? "; Secure" : "")"
    }

    /// A redirect after a form post (303 See Other).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])             // the shared headers come from `SecurityHeaders`
    }
}

extension HTTPFields {
    /// Adds each of `fields` whose name is not here yet: a response that names one keeps its own.
    mutating func addMissing(_ fields: HTTPFields) {
        for field in fields where self[field.name] == nil {
            append(field)
        }
    }
}
