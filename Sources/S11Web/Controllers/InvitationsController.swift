import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// The coordinator's invitations and reminders: when returns are due and whom to ask, the message
/// to read before it goes, and per officer when the last one went and whether the mail program
/// accepted it, with a way to send again. Without a mail program the messages are written as
/// `.eml` files for the council's own mail system.
struct InvitationsController: Sendable {
    let web: WebApp

    /// When returns are due, and whom officers ask for help.
    struct DueForm: Decodable {
        @NonBlank var deadline: String?
        @NonBlank var contact: String?
    }

    /// What to send ("reminder", else invitations), and to one officer only when `email` names them;
    /// "yes" in `replace` stops the links that officer had.
    struct SendForm: Decodable {
        var kind: String?
        @NonBlank var email: String?
        var replace: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/invitations", use: invitations)
        group.post("audits/:id/invitations/due", use: setDue)
        group.post("audits/:id/invitations/schedule", use: setSchedule)
        group.post("audits/:id/invitations/send", use: send)
        group.page("audits/:id/invitations/replace", use: replaceConfirm)
    }

    /// Asks before an officer's links are stopped and a new one sent (a link forwarded, or sent to
    /// the wrong address): what stops working, and what is kept.
    func replaceConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let email = request.uri.queryParameters["email"].map(String.init),
              let status = try await web.app.session(audit).officerStatus(email: email),
              status.status != .submitted else { throw HTTPError(.notFound) }
        let name = status.officer.name
        return try web.confirm(request, context, audit: audit) { bar in
            ConfirmPage(title: "Stop \(name)'s links and send a new one?", bar: bar,
                        paragraphs: ["Every link sent to \(name) so far stops working at once, for anyone who has it: use this when a link "
                                     + "was forwarded or went to the wrong address.",
                                     "\(name) is sent an invitation with a new link at \(status.officer.email). What they have saved is kept."],
                        action: "/admin/audits/\(audit.id)/invitations/send",
                        fields: [.init(name: "kind", value: "invitation"), .init(name: "email", value: status.officer.email),
                                 .init(name: "replace", value: "yes")],
                        button: "Stop the old links and send a new one", backHref: "/admin/audits/\(audit.id)/invitations",
                        backText: "Keep the links they have")
        }
    }

    func invitations(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let saved = request.uri.queryParameters["saved"] == "schedule" ? "Saved when reminders go." : nil
        return try await invitationsPage(request, context, audit: try await context.audit(.running, in: web.app), notice: saved, errors: [])
    }

    /// Sets when the audit's reminders go on their own, or shows what is wrong with the form as typed.
    func setSchedule(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: ReminderScheduleForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let reminders = try await web.app.session(audit).reminders
        let errors = try await form.save(with: reminders.setSchedule)
        if errors.isEmpty { return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/invitations?saved=schedule#schedule") }
        return try await invitationsPage(request, context, audit: audit, notice: nil, errors: errors, typed: form)
    }

    /// Sets the deadline and contact the messages quote.
    func setDue(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: DueForm.self)
        let audit = try await context.audit(.running, in: web.app)
        var deadline: CalendarDate?
        if let text = form.deadline {
            guard let day = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                return try await invitationsPage(request, context, audit: audit, notice: nil, errors: [
                    FieldError(field: "deadline", message: "Write the deadline as YYYY-MM-DD, for example 2027-03-31"),
                ])
            }
            deadline = day
        }
        try await web.app.session(audit).setReturnsDue(deadline: deadline, contact: form.contact)
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/invitations")
    }

    /// Sends (or writes) invitations or reminders: to everyone they are due, or to one officer again.
    func send(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: SendForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let kind: InvitationMail.Kind = form.kind == "reminder" ? .reminder : .invitation
        let only = form.email.map { Set([$0]) }
        let noun = kind == .invitation ? "invitation" : "reminder"
        let nobody = "Nobody is due a\(kind == .invitation ? "n" : "") \(noun)."
        let replacing = form.replace == "yes" && only != nil && kind == .invitation
        let stopped = replacing ? "Stopped the links \(form.email ?? "") had. " : ""
        switch try await web.app.session(audit).invitations.deliver(kind, only: only, replacingEarlier: replacing) {
        case .written(let folder, let files):
            let notice = files.isEmpty ? nobody
                : stopped + "No mail program is set up (s11 serve --sendmail), so \(files.count) \(noun)\(files.count == 1 ? " was" : "s were") written to \(folder.path) for your mail system to send."
            return try await invitationsPage(request, context, audit: audit, notice: notice, errors: [])
        case .sent(let records) where records.isEmpty:
            return try await invitationsPage(request, context, audit: audit, notice: nobody, errors: [])
        case .sent(let records):
            let failed = records.filter { !$0.accepted }
            if !failed.isEmpty {
                return try await invitationsPage(request, context, audit: audit, notice: nil, errors: failed.map { record in
                    FieldError(field: WebApp.domID(record.officerEmail), message: "The \(noun) to \(record.officerEmail) was not sent: \(record.detail)")
                })
            }
            return try await invitationsPage(request, context, audit: audit,
                                             notice: stopped + "Sent \(Counted(records.count, noun)); the mail program accepted every one.",
                                             errors: [])
        }
    }

    // MARK: Pages

    private func invitationsPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, notice: String?,
                                 errors: [FieldError], typed: ReminderScheduleForm? = nil) async throws -> Response {
        let session = try await web.app.session(audit)
        let invitations = session.invitations
        let csrf = WebSecurity.csrfToken(for: request)
        let due = InvitationsPage.Due(invitations: try await invitations.recipients(.invitation).count,
                                      reminders: try await invitations.recipients(.reminder).count,
                                      invitationPreview: try await invitations.preview(.invitation),
                                      reminderPreview: try await invitations.preview(.reminder))
        var page = InvitationsPage(account: context.account, csrf: csrf.token, audit: audit, statuses: try await session.officerStatuses(),
                                   lastMessages: try await session.lastMessages(), returnsDue: try await session.returnsDue(), due: due,
                                   outlook: try await session.reminders.outlook(), sends: session.settings.delivery != nil,
                                   mailFolder: session.settings.mailFolder, notice: notice, errors: errors, moments: session.settings.moments,
                                   workingDays: session.settings.workingDays)
        if let typed { page.schedule.typed(typed) }              // a refused form shows what was typed, not what is stored
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
