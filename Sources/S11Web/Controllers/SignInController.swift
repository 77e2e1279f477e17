import Foundation
import Hummingbird
import S11App
import S11Core

/// Signing in and out, an invited organisation lead's first password (at the link in their
/// invitation), and the sign-ins on the accounts the signed-in coordinator may see.
struct SignInController: Sendable {
    let web: WebApp

    /// The sign-in form's fields.
    struct SignInForm: Decodable {
        @NonBlank var email: String?
        var password: String?
    }

    /// The welcome form's fields: the new password, twice.
    struct PasswordForm: Decodable {
        var password: String?
        var confirm: String?
    }

    /// `login` and `logout` and the welcome links on `group` (`/admin`); the sign-ins on `signedIn`.
    func addRoutes(to group: RouterGroup<WebRequestContext>, signedIn: RouterGroup<SignedInRequestContext>) {
        group.page("login", use: loginForm)
        group.post("login", use: login)
        group.post("logout", use: logout)
        group.page("welcome/:token", use: welcomeForm)
        group.post("welcome/:token", use: setPassword)
        signedIn.page("sign-ins", use: signIns)
    }

    func loginForm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let notice = LoginPage.notice(ended: request.uri.queryParameters["ended"].map(String.init), idle: web.app.settings.sessionIdle)
        return try await loginPage(request, email: "", errors: [], status: .ok, notice: notice)
    }

    /// Signs in: refused unchecked while the account or the address must wait (or the account is
    /// locked), else the password is checked, in the same time whether or not the account exists,
    /// and the attempt recorded (and the lock, when this failure makes one). A refusal writes
    /// nothing, so a flood of them cannot fill the store, and nothing sleeps: it says when to
    /// come back (after a second's pause).
    func login(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: SignInForm.self)
        let email = (form.email?.trimmingCharacters(in: .whitespaces) ?? "").lowercased()
        let password = form.password ?? ""
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let result = try await web.app.accounts.signIn(email: email, password: password, address: address,
                                                       throttle: web.throttle) { [passwords = web.passwords] password, hash in
            await passwords.verify(password, hash: hash)
        }
        switch result {
        case .locked, .mustWait, .busy:
            // Every refusal costs the client a second (an asleep task, no thread), so that
            // answering at once does not invite a flood of cheap requests.
            try await Task.sleep(for: web.refusalDelay)
        case .wrongPassword, .signedIn:
            break
        }
        switch result {
        case .locked:
            return web.message(request, title: "This account is locked", paragraphs: [
                "There have been too many wrong passwords for this account. Ask whoever runs s11 to set a new password with 's11 admin create --email ADDRESS'; that unlocks it.",
            ], status: .tooManyRequests)
        case .mustWait(let until):
            let seconds = max(1, Int(until.timeIntervalSinceNow.rounded(.up)))
            var response = web.message(request, title: "Too many wrong passwords", paragraphs: [
                "Wait \(seconds == 1 ? "a second" : seconds < 120 ? "\(seconds) seconds" : "\(seconds / 60) minutes") before you try again. Each further wrong password makes the wait longer.",
            ], status: .tooManyRequests, link: ("/admin/login", "Sign in"))
            response.headers[.retryAfter] = String(seconds)
            return response
        case .busy:
            var response = web.message(request, title: "Too many people are signing in", paragraphs: [
                "s11 is checking a lot of passwords at the moment. Try again in a few seconds.",
            ], status: .tooManyRequests, link: ("/admin/login", "Sign in"))
            response.headers[.retryAfter] = "5"
            return response
        case .wrongPassword:
            return try await loginPage(request, email: email, errors: [FieldError(field: "email", message: "Enter a correct e-mail address and password")],
                                 status: .unauthorized)
        case .signedIn(let token):
            return sessionResponse(token, request: request)
        }
    }

    func logout(_ request: Request, context: WebRequestContext) async throws -> Response {
        if let token = request.cookies[WebSecurity.sessionCookie]?.value { try await web.app.accounts.signOut(session: token) }
        var response = WebSecurity.redirect(to: "/admin/login")
        response.headers[values: .setCookie].append(WebSecurity.cookie(WebSecurity.sessionCookie, "", path: "/admin", maxAge: 0, request: request))
        return response
    }

    func welcomeForm(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let token = context.parameters.get("token"), let invited = try await web.app.accounts.invitation(token: token) else {
            return unknownInvitation(request)
        }
        return try welcomePage(request, invited: invited, token: token, errors: [])
    }

    /// Sets an invited lead's password, once, while the invitation lasts, and signs them in.
    func setPassword(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: PasswordForm.self)
        guard let token = context.parameters.get("token"), let invited = try await web.app.accounts.invitation(token: token) else {
            return unknownInvitation(request)
        }
        let password = form.password ?? "", again = form.confirm ?? ""
        if let problem = CoordinatorPassword.problem(password, email: invited.email) {
            return try welcomePage(request, invited: invited, token: token, errors: [FieldError(field: "password", message: problem.capitalisedFirst)])
        }
        guard password == again else {
            return try welcomePage(request, invited: invited, token: token, errors: [FieldError(field: "confirm", message: "Type the same password twice")])
        }
        guard let hash = await web.passwords.run({ CoordinatorPassword.hash(password) }),
              let account = try await web.app.accounts.acceptInvitation(token: token, passwordHash: hash) else { return unknownInvitation(request) }
        return try await startSession(email: account.email, request: request)
    }

    /// The sign-ins, failures and refusals on the accounts the coordinator may see.
    func signIns(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let events = try await web.app.accounts.signIns(visibleTo: context.account)
        let page = SignInsPage(account: context.account, csrf: csrf.token, events: events, moments: web.app.settings.moments)
        return try web.html(page, request: request, csrf: csrf)
    }

    // MARK: Helpers

    /// Signs the coordinator in: a new session, its cookie, and on to their audits.
    private func startSession(email: String, request: Request) async throws -> Response {
        sessionResponse(try await web.app.accounts.startSession(email: email), request: request)
    }

    /// The new session's cookie, and on to the account's audits.
    private func sessionResponse(_ token: String, request: Request) -> Response {
        var response = WebSecurity.redirect(to: KeptFormController.afterSignIn(request))
        response.headers[values: .setCookie].append(WebSecurity.sessionCookie(token, request: request))
        return response
    }

    private func loginPage(_ request: Request, email: String, errors: [FieldError], status: HTTPResponse.Status,
                           notice: String? = nil) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let page = LoginPage(csrf: csrf.token, email: email, errors: errors, providers: try await web.app.signOn.providers(), notice: notice)
        return try web.html(page, status: status, request: request, csrf: csrf)
    }

    private func welcomePage(_ request: Request, invited: Coordinator, token: String, errors: [FieldError]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        return try web.html(WelcomePage(invited: invited, token: token, csrf: csrf.token, errors: errors),
                            status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    /// The same answer for an invitation link never issued, spent or expired.
    private func unknownInvitation(_ request: Request) -> Response {
        web.message(request, title: "This link does not work", paragraphs: [
            "It may have been used already or have expired (invitations last 14 days). Ask the board's business unit for a new one.",
        ], status: .notFound, link: ("/admin/login", "Sign in"))
    }
}
