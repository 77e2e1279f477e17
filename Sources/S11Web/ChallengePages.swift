import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// A board's challenge events in the browser, for board users only: schedule one with its panel
/// and organisations, moderate each organisation's ratings there (a band, or a score on the
/// survey's own scale, with a reason), and draft, edit and send the panel's feedback letter.
/// Only the organisations assigned to the event can be moderated through it.
struct ChallengePages: Sendable {
    let app: WebApp

    /// The board user, the round and the event the path names; an organisation's coordinator,
    /// another round's event or an unknown one are all 404.
    private func scope(_ request: Request, _ context: WebRequestContext) async throws -> (Coordinator, BoardRound, ChallengeEvent)? {
        guard let coordinator = try await app.boardUser(request) else { return nil }
        let round = try await app.round(context, visibleTo: coordinator)
        guard let eventID = context.parameters.get("event").flatMap(Int64.init),
              let event = try await app.store.challengeEvent(id: eventID), event.roundID == round.id else { throw HTTPError(.notFound) }
        return (coordinator, round, event)
    }

    /// The event's organisation the path names, which must be one it challenges.
    private func audit(_ context: WebRequestContext, in event: ChallengeEvent) async throws -> AuditRecord {
        guard let id = context.parameters.get("audit").flatMap(Int64.init), event.auditIDs.contains(id),
              let audit = try await app.store.audit(id: id) else { throw HTTPError(.notFound) }
        return audit
    }

    /// Schedules an event from the round's page.
    func schedule(_ request: Request, _ context: WebRequestContext, rounds: RoundPages) async throws -> Response {
        let form = try await app.form(request)
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let roundID = try await app.round(context, visibleTo: coordinator).id
        guard let heldOn = CalendarDate(iso: form.text("heldOn") ?? "") else {
            return try await rounds.dashboardPage(request, context, notice: nil,
                                                  errors: [["field": "heldOn", "message": "Write the day of the event as YYYY-MM-DD, for example 2027-04-20"]])
        }
        let audits = form.fields.keys.filter { $0.hasPrefix("audit-") }.compactMap { Int64($0.dropFirst(6)) }
        do {
            let event = try await BoardRounds(store: app.store).scheduleEvent(roundID: roundID, title: form.text("title") ?? "", heldOn: heldOn,
                                                                             panel: (form.text("panel") ?? "").components(separatedBy: ";"),
                                                                             auditIDs: audits, by: coordinator.email)
            return WebSecurity.redirect(to: "/admin/rounds/\(roundID)/events/\(event.id)")
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await rounds.dashboardPage(request, context, notice: nil, errors: [["field": "title", "message": refusal]])
        }
    }

    /// The event: its panel, and each organisation it challenges with its ratings, to moderate and write to.
    func event(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (coordinator, round, event) = try await scope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        var organisations: [[String: Any]] = []
        for auditID in event.auditIDs {
            guard let audit = try await app.store.audit(id: auditID) else { continue }
            let card = try await app.session(audit).scorecard()
            organisations.append(["organisation": audit.organisation, "auditID": auditID, "overall": card.overall.text,
                                  "moderated": card.moderatedOverall?.text ?? "-"])
        }
        let values: [String: Any] = [
            "title": event.title, "csrf": csrf.token, "coordinator": coordinator.email, "board": round.board, "roundID": round.id,
            "eventID": event.id, "heldOn": event.heldOn.spelledOut, "panel": event.panel.joined(separator: ", "), "organisations": organisations,
        ]
        return WebSecurity.html(try app.render("admin-challenge-event", values), request: request, csrf: csrf)
    }

    /// One organisation's ratings at the event, to moderate.
    func moderation(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await moderationPage(request, context, errors: [])
    }

    func moderate(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, round, event) = try await scope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let audit = try await audit(context, in: event)
        switch try await ModerationForm(session: try await app.session(audit)).apply(form, by: "\(coordinator.email) (\(event.title))",
                                                                                      as: .board(round.board)) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/rounds/\(round.id)/events/\(event.id)/audits/\(audit.id)#\(field)")
        case .refused(let errors): return try await moderationPage(request, context, errors: errors)
        }
    }

    private func moderationPage(_ request: Request, _ context: WebRequestContext, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, round, event) = try await scope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let audit = try await audit(context, in: event)
        let csrf = WebSecurity.csrfToken(for: request)
        var values = try await ModerationForm(session: try await app.session(audit))
            .values(csrf: csrf.token, action: "/admin/rounds/\(round.id)/events/\(event.id)/audits/\(audit.id)/moderate")
        values["coordinator"] = coordinator.email
        values["hasErrors"] = !errors.isEmpty
        values["errors"] = errors
        return WebSecurity.html(try app.render("admin-moderation", values), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }

    /// The panel's feedback letter to the organisation, drafted for the panel to edit.
    func letter(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (_, _, event) = try await scope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let audit = try await audit(context, in: event)
        return try await letterPage(request, context, text: try await BoardRounds(store: app.store).letter(event: event, auditID: audit.id),
                                    notice: nil, errors: [])
    }

    /// Sends the letter as edited to the organisation's lead (or writes it for the board's own mail system).
    func sendLetter(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, _, event) = try await scope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let audit = try await audit(context, in: event)
        guard let text = form["letter"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return try await letterPage(request, context, text: "", notice: nil, errors: [["field": "letter", "message": "Write the letter"]])
        }
        let rounds = BoardRounds(store: app.store)
        let outcome = try await rounds.sendLetter(text, event: event, auditID: audit.id, from: app.mailFrom,
                                                  via: app.mailDelivery(subfolder: "event-\(event.id)"))
        let notice = outcome.accepted
            ? (app.delivery == nil ? "Written to the server's mail folder for the board's own mail system." : "Sent to \(audit.organisation)'s lead.")
            : "The mail program did not take it: \(outcome.detail)"
        return try await letterPage(request, context, text: text, notice: notice, errors: [])
    }

    private func letterPage(_ request: Request, _ context: WebRequestContext, text: String, notice: String?,
                            errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, round, event) = try await scope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let audit = try await audit(context, in: event)
        let csrf = WebSecurity.csrfToken(for: request)
        let values: [String: Any?] = [
            "title": "Feedback to \(audit.organisation)", "csrf": csrf.token, "coordinator": coordinator.email, "organisation": audit.organisation,
            "event": event.title, "letter": text, "action": "/admin/rounds/\(round.id)/events/\(event.id)/audits/\(audit.id)/letter",
            "back": "/admin/rounds/\(round.id)/events/\(event.id)", "notice": notice, "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-letter", values.compactMapValues { $0 }), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }
}
