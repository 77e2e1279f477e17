import Foundation
import HTTPTypes
import Hummingbird
import S11Store

/// The protections every page shares: a double-submit CSRF token (a random cookie that each form
/// must echo), and the security headers (`SecurityHeaders`) on pages and redirects.
enum WebSecurity {
    static let csrfCookie = "s11_csrf"

    /// The request's CSRF token, or a fresh one to set.
    static func csrfToken(for request: Request) -> (token: String, isNew: Bool) {
        if let existing = request.cookies[csrfCookie]?.value, InvitationToken.isWellFormed(existing) { return (existing, false) }
        return (InvitationToken.generate(), true)
    }

    /// True when the form carries the same token as the request's cookie.
    static func csrfMatches(_ form: FormBody, request: Request) -> Bool {
        guard let cookie = request.cookies[csrfCookie]?.value, let field = form["csrf"], InvitationToken.isWellFormed(cookie) else { return false }
        return Data(cookie.utf8).withUnsafeBytes { a in
            Data(field.utf8).withUnsafeBytes { b in a.count == b.count && zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0 }
        }
    }

    /// An HTML response with the shared security headers, setting the CSRF cookie when it is new.
    static func html(_ body: String, status: HTTPResponse.Status = .ok, request: Request, csrf: (token: String, isNew: Bool)? = nil) -> Response {
        var headers = SecurityHeaders<WebRequestContext>.shared
        headers[.contentType] = "text/html; charset=utf-8"
        if let csrf, csrf.isNew {
            let secure = request.headers[.init("X-Forwarded-Proto")!] == "https"
            headers[values: .setCookie].append("\(csrfCookie)=\(csrf.token); Path=/; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")")
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A redirect after a form post (303 See Other).
    static func redirect(to location: String) -> Response {
        var headers = SecurityHeaders<WebRequestContext>.shared
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
