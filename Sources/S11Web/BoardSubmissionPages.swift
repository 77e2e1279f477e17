import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// An organisation's side of the board's round: where its self-assessment stands, and its lead
/// submitting it to the board with the declaration (through the application's `BoardRounds`).
struct BoardSubmissionPages: Sendable {
    let app: WebApp

    func page(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await render(request, context, notice: nil, errors: [])
    }

    func submit(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard try await app.store.roundMembership(auditID: audit.id) != nil else { throw HTTPError(.notFound) }
        let declaration = form["declare"] == "yes" ? BoardRounds.standardDeclaration : ""
        do {
            try await BoardRounds(store: app.store).submit(auditID: audit.id, by: coordinator.email, declaration: declaration)
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await render(request, context, notice: nil, errors: [["field": "declare", "message": refusal]])
        }
        return try await render(request, context, notice: "Submitted to the board. It holds your self-assessment now: answers and officers stay as they are unless the board returns it.", errors: [])
    }

    private func render(_ request: Request, _ context: WebRequestContext, notice: String?, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let (round, member) = try await app.store.roundMembership(auditID: audit.id) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let stage = member.stage(deadline: round.deadline, today: StaffSurveyPage.today())
        let values: [String: Any?] = [
            "title": "Submit to the board", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "organisation": audit.organisation, "year": audit.year, "board": round.board, "deadline": round.deadline.spelledOut,
            "stage": stage.rawValue, "held": member.submittedAt != nil, "submittedAt": member.submittedAt, "submittedBy": member.submittedBy,
            "returnReason": member.returnReason, "returns": "\(member.submittedReturns) of \(member.officers)",
            "declaration": BoardRounds.standardDeclaration, "notice": notice, "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-board-submit", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
