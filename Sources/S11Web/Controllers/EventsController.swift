import Foundation
import Hummingbird
import S11App
import S11Core

/// A board's challenge events: schedule one with its panel and organisations (from the round's
/// page), moderate each organisation's ratings there (a band, or a score on the survey's own
/// scale, with a reason), and draft, edit and send the panel's feedback letter. Only the
/// organisations assigned to the event can be moderated through it.
struct EventsController: Sendable {
    let web: WebApp
    /// The round's page, which the scheduling form is on.
    let rounds: RoundsController

    /// The feedback letter as the panel edited it.
    struct LetterForm: Decodable {
        var letter: String?
    }

    /// The routes under `/admin/rounds`.
    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page(":round/events/new", use: newEvent)
        group.post(":round/events", use: schedule)
        group.page(":round/events/:event", use: event)
        group.page(":round/events/:event/audits/:audit", use: moderation)
        group.page(":round/events/:event/audits/:audit/item", use: moderationItem)
        group.post(":round/events/:event/audits/:audit/moderate", use: moderate)
        group.page(":round/events/:event/audits/:audit/letter", use: letter)
        group.post(":round/events/:event/audits/:audit/letter", use: sendLetter)
    }

    /// The form that schedules an event.
    func newEvent(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        return try web.html(NewChallengeEventPage(account: context.account, csrf: csrf.token, progress: try await rounds.progress(context),
                                                  sector: request.uri.queryParameters.get("sector")),
                            request: request, csrf: csrf)
    }

    /// Schedules an event from its form (its organisations' fields are named after them,
    /// `audit-ID`, so the form is read by name); what is wrong comes back on the form, as typed.
    /// "List them" (`action=list`) brings the form back with another sector's organisations
    /// listed, everything typed and ticked kept.
    func schedule(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.formBody()
        let progress = try await rounds.progress(context)
        let audits = form.fields.keys.filter { $0.hasPrefix("audit-") }.compactMap { Int64($0.dropFirst(6)) }
        func again(_ error: FieldError?) throws -> Response {
            let csrf = WebSecurity.csrfToken(for: request)
            return try web.html(NewChallengeEventPage(account: context.account, csrf: csrf.token, progress: progress, sector: form.text("sector"),
                                                      eventTitle: form.text("title") ?? "",
                                                      heldOn: form.text("heldOn") ?? "", panel: form.text("panel") ?? "", checked: Set(audits),
                                                      errors: error.map { [$0] } ?? []),
                                status: error == nil ? .ok : .unprocessableContent, request: request, csrf: csrf)
        }
        if form["action"] == "list" { return try again(nil) }
        guard let heldOn = CalendarDate(iso: form.text("heldOn") ?? "") else {
            return try again(FieldError(field: "heldOn", message: "Write the day of the event as YYYY-MM-DD, for example 2027-04-20"))
        }
        do {
            let event = try await web.app.rounds.scheduleEvent(roundID: progress.round.id, title: form.text("title") ?? "", heldOn: heldOn,
                                                               panel: (form.text("panel") ?? "").components(separatedBy: ";"),
                                                               auditIDs: audits, by: context.account.email)
            return WebSecurity.redirect(to: "/admin/rounds/\(progress.round.id)/events/\(event.id)")
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try again(FieldError(field: "title", message: refusal))
        }
    }

    /// The event: its panel, and each organisation it challenges with its ratings, to moderate and write to.
    func event(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (round, event) = try await scope(context)
        let csrf = WebSecurity.csrfToken(for: request)
        var organisations: [ChallengeEventPage.Organisation] = []
        for auditID in event.auditIDs {
            guard let audit = try await web.app.audits.audit(id: auditID) else { continue }
            organisations.append(ChallengeEventPage.Organisation(audit, card: try await web.app.session(audit).boardScorecard()))
        }
        return try web.html(ChallengeEventPage(account: context.account, csrf: csrf.token, round: round, event: event, organisations: organisations),
                            request: request, csrf: csrf)
    }

    /// One organisation's ratings at the event, to moderate.
    func moderation(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (round, event) = try await scope(context)
        let audit = try await audit(context, in: event)
        return try await web.moderationPage(request, context, session: try await web.app.session(audit), place: place(round, event, audit), errors: [])
    }

    /// One requirement of the organisation's at the event, with its answers by service area beside the form.
    func moderationItem(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (round, event) = try await scope(context)
        let audit = try await audit(context, in: event)
        return try await web.moderationItemPage(request, context, session: try await web.app.session(audit), place: place(round, event, audit),
                                                scope: request.uri.queryParameters["scope"].map(String.init) ?? "", errors: [])
    }

    func moderate(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: RatingForm.self)
        let (round, event) = try await scope(context)
        let audit = try await audit(context, in: event)
        let session = try await web.app.session(audit)
        switch try await ModerationForm(session: session).apply(form, by: "\(context.account.email) (\(event.title))", as: .board(round.board)) {
        case .saved(let field):
            return WebSecurity.redirect(to: "/admin/rounds/\(round.id)/events/\(event.id)/audits/\(audit.id)?saved=\(field)#\(field)")
        case .refused(let errors):
            return try await web.moderationRefused(request, context, session: session, place: place(round, event, audit), scope: form.scope, errors: errors)
        }
    }

    /// The panel's feedback letter to the organisation, drafted for the panel to edit.
    func letter(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (round, event) = try await scope(context)
        let audit = try await audit(context, in: event)
        return try letterPage(request, context, round: round, event: event, audit: audit,
                              text: try await web.app.rounds.letter(event: event, auditID: audit.id), notice: nil, errors: [])
    }

    /// Sends the letter as edited to the organisation's lead (or writes it for the board's own mail system).
    func sendLetter(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: LetterForm.self)
        let (round, event) = try await scope(context)
        let audit = try await audit(context, in: event)
        guard let text = form.letter, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return try letterPage(request, context, round: round, event: event, audit: audit, text: "", notice: nil,
                                  errors: [FieldError(field: "letter", message: "Write the letter")])
        }
        let settings = web.app.settings
        let outcome = try await web.app.rounds.sendLetter(text, event: event, auditID: audit.id, from: settings.mailFrom,
                                                          via: settings.mailDelivery(subfolder: "event-\(event.id)"))
        let notice = outcome.accepted
            ? (settings.delivery == nil ? "Written to the server's mail folder for the board's own mail system." : "Sent to \(audit.organisation)'s lead.")
            : "The mail program did not take it: \(outcome.detail)"
        return try letterPage(request, context, round: round, event: event, audit: audit, text: text, notice: notice, errors: [])
    }

    // MARK: Scope and pages

    /// The round and the event the path names; another round's event or an unknown one is 404.
    private func scope(_ context: SignedInRequestContext) async throws -> (BoardRound, ChallengeEvent) {
        let round = try await context.round(in: web.app)
        guard let eventID = context.parameters.get("event").flatMap(Int64.init),
              let event = try await web.app.rounds.event(id: eventID), event.roundID == round.id else { throw HTTPError(.notFound) }
        return (round, event)
    }

    /// The event's organisation the path names, which must be one it challenges.
    private func audit(_ context: SignedInRequestContext, in event: ChallengeEvent) async throws -> AuditRecord {
        guard let id = context.parameters.get("audit").flatMap(Int64.init), event.auditIDs.contains(id),
              let audit = try await web.app.audits.audit(id: id) else { throw HTTPError(.notFound) }
        return audit
    }

    private func place(_ round: BoardRound, _ event: ChallengeEvent, _ audit: AuditRecord) -> ModerationPlace {
        let list = "/admin/rounds/\(round.id)/events/\(event.id)/audits/\(audit.id)"
        return ModerationPlace(list: list, action: list + "/moderate", auditID: audit.id)
    }

    private func letterPage(_ request: Request, _ context: SignedInRequestContext, round: BoardRound, event: ChallengeEvent, audit: AuditRecord,
                            text: String, notice: String?, errors: [FieldError]) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let page = LetterPage(account: context.account, csrf: csrf.token, round: round, event: event, audit: audit, letter: text, notice: notice,
                              errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
