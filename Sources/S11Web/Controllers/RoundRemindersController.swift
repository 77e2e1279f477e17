import Foundation
import Hummingbird
import S11App
import S11Core

/// The board's reminders to the leads of its round: when they go on their own (the round's
/// schedule, which the board changes here) and, per lead it is waiting for, what has gone and
/// what is next. Board users of the round's board only (`BoardOnly`, `round(in:)`).
struct RoundRemindersController: Sendable {
    let web: WebApp

    /// The routes under `/admin/rounds`.
    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page(":round/reminders", use: reminders)
        group.post(":round/reminders", use: setSchedule)
    }

    func reminders(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let saved = request.uri.queryParameters["saved"] == "schedule" ? "Saved when reminders go." : nil
        return try await page(request, context, notice: saved, errors: [], typed: nil)
    }

    /// Sets when the round's leads are reminded, or shows what is wrong with the form as typed.
    func setSchedule(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: ReminderScheduleForm.self)
        let round = try await context.round(in: web.app)
        let errors = try await form.save { try await web.app.rounds.setReminderSchedule($0, roundID: round.id) }
        if errors.isEmpty { return WebSecurity.redirect(to: "/admin/rounds/\(round.id)/reminders?saved=schedule#schedule") }
        return try await page(request, context, notice: nil, errors: errors, typed: form)
    }

    private func page(_ request: Request, _ context: SignedInRequestContext, notice: String?, errors: [FieldError],
                      typed: ReminderScheduleForm?) async throws -> Response {
        let round = try await context.round(in: web.app)
        let rounds = web.app.rounds
        let csrf = WebSecurity.csrfToken(for: request)
        var page = RoundRemindersPage(account: context.account, csrf: csrf.token,
                                      progress: try await rounds.progress(roundID: round.id, today: WebApp.today()),
                                      schedule: try await rounds.reminderSchedule(roundID: round.id),
                                      sent: try await rounds.leadReminders(roundID: round.id), settings: web.app.settings, now: Date(),
                                      notice: notice, errors: errors)
        if let typed { page.schedule.typed(typed) }              // a refused form shows what was typed, not what is stored
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
