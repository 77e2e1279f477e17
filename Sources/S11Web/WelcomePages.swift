import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// A member organisation's lead, invited when the board opened its round, sets their password at
/// the link in their invitation (once, while it lasts) and is signed in to their organisation's audit.
struct WelcomePages: Sendable {
    let app: WebApp
    let coordinators: CoordinatorPages

    func form(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let invited = try await invited(context) else { return unknown(request) }
        return try page(request, context, invited: invited, errors: [])
    }

    func setPassword(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let invited = try await invited(context), let token = context.parameters.get("token") else { return unknown(request) }
        let password = form["password"] ?? "", again = form["confirm"] ?? ""
        if let problem = CoordinatorPassword.problem(password) {
            return try page(request, context, invited: invited, errors: [["field": "password", "message": problem.capitalisedFirst]])
        }
        guard password == again else {
            return try page(request, context, invited: invited, errors: [["field": "confirm", "message": "Type the same password twice"]])
        }
        guard let hash = await app.passwords.run({ CoordinatorPassword.hash(password) }),
              let account = try await app.store.acceptCoordinatorInvitation(token: token, passwordHash: hash) else { return unknown(request) }
        return try await coordinators.startSession(email: account.email, request: request)
    }

    private func invited(_ context: WebRequestContext) async throws -> Coordinator? {
        guard let token = context.parameters.get("token") else { return nil }
        return try await app.store.coordinatorInvitation(token: token)
    }

    private func page(_ request: Request, _ context: WebRequestContext, invited: Coordinator, errors: [[String: String]]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let values: [String: Any] = [
            "title": "Set your password", "csrf": csrf.token, "email": invited.email, "organisation": invited.organisation ?? "",
            "token": context.parameters.get("token") ?? "", "minimum": CoordinatorPassword.minimumLength,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-welcome", values), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }

    /// The same answer for a link never issued, spent or expired.
    private func unknown(_ request: Request) -> Response {
        app.message(request, title: "This link does not work", paragraphs: [
            "It may have been used already or have expired (invitations last 14 days). Ask the board's business unit for a new one.",
        ], status: .notFound, link: ("/admin/login", "Sign in"))
    }
}
