import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store

/// The coordinator's invitations and reminders: when returns are due and whom to ask, the message
/// to read before it goes, and per officer when the last one went and whether the mail program
/// accepted it, with a way to send again. Without a mail program the messages are written as
/// `.eml` files for the council's own mail system.
struct InvitationPages: Sendable {
    let app: WebApp

    func page(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await render(request, context, notice: nil, errors: [])
    }

    /// Sets the deadline and contact the messages quote.
    func setDue(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        var deadline: CalendarDate?
        if let text = form.text("deadline") {
            guard let day = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                return try await render(request, context, notice: nil,
                                  errors: [["field": "deadline", "message": "Write the deadline as YYYY-MM-DD, for example 2027-03-31"]])
            }
            deadline = day
        }
        try await app.store.setReturnsDue(auditID: audit.id, deadline: deadline, contact: form.text("contact"))
        return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/invitations")
    }

    /// Sends (or writes) invitations or reminders: to everyone they are due, or to one officer again.
    func send(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let kind: InvitationMail.Kind = form["kind"] == "reminder" ? .reminder : .invitation
        let only = form.text("email").map { Set([$0]) }
        let invitations = try await self.invitations(audit)
        let noun = kind == .invitation ? "invitation" : "reminder"
        guard let delivery = app.delivery else {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let folder = URL(fileURLWithPath: app.mailFolder).appendingPathComponent("\(noun)s-\(audit.year)-\(stamp)")
            let files = try await invitations.write(kind, only: only, to: folder).filter { $0.hasSuffix(".eml") }
            let notice = files.isEmpty ? "Nobody is due a\(kind == .invitation ? "n" : "") \(noun)."
                : "No mail program is set up (s11 serve --sendmail), so \(files.count) \(noun)\(files.count == 1 ? " was" : "s were") written to \(folder.path) for your mail system to send."
            return try await render(request, context, notice: notice, errors: [])
        }
        let records = try await invitations.send(kind, only: only, via: delivery)
        let failed = records.filter { !$0.accepted }
        if records.isEmpty { return try await render(request, context, notice: "Nobody is due a\(kind == .invitation ? "n" : "") \(noun).", errors: []) }
        if !failed.isEmpty {
            return try await render(request, context, notice: nil, errors: failed.map { record in
                ["field": WebApp.domID(record.officerEmail), "message": "The \(noun) to \(record.officerEmail) was not sent: \(record.detail)"]
            })
        }
        return try await render(request, context, notice: "Sent \(records.count) \(noun)\(records.count == 1 ? "" : "s"); the mail program accepted every one.",
                          errors: [])
    }

    private func invitations(_ audit: AuditRecord) async throws -> Invitations {
        await Invitations(session: try app.session(audit),
                    baseURL: app.baseURL, from: app.mailFrom)
    }

    private func render(_ request: Request, _ context: WebRequestContext, notice: String?, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let invitations = try await invitations(audit)
        let csrf = WebSecurity.csrfToken(for: request)
        let lastMessages = try await app.store.lastMailRecords(auditID: audit.id)
        let formatter = ISO8601DateFormatter()
        let officers = try await app.store.officerStatuses(auditID: audit.id).map { status -> [String: Any] in
            let last = lastMessages[status.officer.email.lowercased()]
            let values: [String: Any?] = [
                "domID": WebApp.domID(status.officer.email), "name": status.officer.name, "email": status.officer.email,
                "return": status.status.label, "lastKind": last?.kind.rawValue, "lastAt": last.map { formatter.string(from: $0.at) },
                "accepted": last?.accepted == true && last?.detail.isEmpty == true,
                "written": last.flatMap { $0.accepted && !$0.detail.isEmpty ? $0.detail : nil }, "failed": last.map { !$0.accepted } ?? false, "detail": last?.detail,
                "id": audit.id, "csrf": csrf.token,
            ]
            return values.compactMapValues { $0 }
        }
        let due = try await app.store.returnsDue(auditID: audit.id)
        let toInvite = try await invitations.recipients(.invitation).count
        let toRemind = try await invitations.recipients(.reminder).count
        let values: [String: Any?] = await [
            "title": "Invitations and reminders", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "organisation": audit.organisation, "year": audit.year, "deadline": due.deadline?.iso, "contact": due.contact,
            "sends": app.delivery != nil, "mailFolder": app.mailFolder,
            "toInvite": toInvite, "canInvite": toInvite > 0, "toRemind": toRemind, "canRemind": toRemind > 0,
            "invitationPreview": try invitations.preview(.invitation), "reminderPreview": try invitations.preview(.reminder),
            "officers": officers, "hasOfficers": !officers.isEmpty, "notice": notice,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-invitations", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
