import Foundation
import Hummingbird
import S11App
import S11Core

/// The staff confidence survey, for the coordinator: its public link to copy, and an upload of a
/// SurveyMonkey, Microsoft Forms or s11 export that shows how each column was matched, lets the
/// lead map or ignore the rest, and stores nothing until they confirm (`StaffUploads`).
struct StaffUploadsController: Sendable {
    let web: WebApp

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/staff", use: staff)
        group.page("audits/:id/staff/link", use: issueLinkConfirm)
        group.post("audits/:id/staff/link", use: issueLink)
        group.post("audits/:id/staff/upload", use: upload)
        group.post("audits/:id/staff/confirm", use: confirm)
    }

    func staff(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await staffPage(request, context, audit: try await context.audit(.running, in: web.app))
    }

    /// Asks before a new link replaces the one staff were sent, which stops working at once.
    func issueLinkConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let issued = try await web.app.session(audit).staffLinkIssuedAt() else {
            return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/staff")           // no link yet: nothing to replace
        }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = ConfirmPage(title: "Issue a new staff survey link?", bar: SignedInBar(account: context.account, csrf: csrf.token, audit: audit),
                               paragraphs: ["The link issued on \(web.app.settings.moments.text(iso: issued)) stops working at once: "
                                            + "anyone who opens it from the message they were sent is told it does not work.",
                                            "The answers already given are kept. Send the new link to all staff."],
                               action: "/admin/audits/\(audit.id)/staff/link", fields: [], button: "Issue a new link",
                               backHref: "/admin/audits/\(audit.id)/staff", backText: "Keep the current link")
        return try web.html(page, request: request, csrf: csrf)
    }

    /// Issues the survey's public link (replacing any earlier one) and shows it once.
    func issueLink(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let link = try await web.app.session(audit).issueStaffLink(baseURL: web.app.settings.baseURL)
        return try await staffPage(request, context, audit: audit, link: link)
    }

    /// Keeps the uploaded export aside and shows how its columns match.
    func upload(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try context.uploadedForm()
        let audit = try await context.audit(.running, in: web.app)
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await staffPage(request, context, audit: audit, errors: [FieldError(field: "file", message: "Choose the survey export (a CSV file)")])
        }
        let key = try web.staffUploads(audit).keep(file.bytes, name: file.name.isEmpty ? "export.csv" : file.name)
        return try await checkPage(request, context, audit: audit, key: key, dateOrder: form.text("dateOrder") ?? "", chosen: [:], errors: [])
    }

    /// Imports the checked export with the columns as the lead left them, or says what is wrong.
    func confirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.formBody()
        let audit = try await context.audit(.running, in: web.app)
        let key = form.text("upload") ?? ""
        if form["choice"] == "cancel" {
            web.staffUploads(audit).discard(key)
            return try await staffPage(request, context, audit: audit, notice: "The upload was cancelled; nothing was stored.")
        }
        let session = try await web.app.session(audit)
        let checked = try web.staffUploads(audit).check(key, session: session)
        var chosen: [Int: String] = [:]
        var mapping: [String: String] = [:]
        var errors: [FieldError] = []
        for column in checked.columns {
            let value = form.text("column.\(column.column)") ?? ""
            chosen[column.column] = value
            if value.isEmpty {
                errors.append(FieldError(field: "column-\(column.column)", message: "Say what column \(column.column) ('\(column.heading)') holds, or ignore it"))
            } else {
                mapping[column.heading] = value
            }
        }
        let held = Set(mapping.values)
        let missing = checked.missing.filter { !held.contains($0.id) }
        if !missing.isEmpty {
            if form["absent"] == "yes" {
                for question in missing { mapping[question.id] = "absent" }
            } else {
                errors.append(FieldError(field: "absent",
                                         message: "Confirm that the export has no column for the \(Counted(missing.count, "question")) listed, or match their columns"))
            }
        }
        let dateOrder = form.text("dateOrder") ?? ""
        guard errors.isEmpty else { return try await checkPage(request, context, audit: audit, key: key, dateOrder: dateOrder, chosen: chosen, errors: errors) }
        do {
            let batches = try await web.staffUploads(audit).confirm(key, session: session, mapping: mapping, dateOrder: DateOrder(rawValue: dateOrder),
                                                                    by: context.account.email)
            let count = batches.map(\.answerSets).reduce(0, +)
            return try await staffPage(request, context, audit: audit, notice: "Imported \(Counted(count, "anonymous answer set")) from \(checked.file).")
        } catch let error as DiagnosticsError {
            let folder = web.staffUploads(audit).folder.path
            let problems = error.diagnostics.prefix(50).map { problem in
                FieldError(field: "check", message: "Line \(problem.location.line): \(problem.message.replacingOccurrences(of: folder + "/", with: ""))")
            }
            return try await checkPage(request, context, audit: audit, key: key, dateOrder: dateOrder, chosen: chosen, errors: Array(problems))
        }
    }

    // MARK: Pages

    private func checkPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, key: String, dateOrder: String,
                           chosen: [Int: String], errors: [FieldError]) async throws -> Response {
        let session = try await web.app.session(audit)
        let survey = try session.staffReader().survey
        let checked: (file: String, columns: [StaffColumnMatch], missing: [(id: String, text: String)])
        do {
            checked = try web.staffUploads(audit).check(key, session: session)
        } catch let error as DiagnosticsError {
            web.staffUploads(audit).discard(key)
            return try await staffPage(request, context, audit: audit,
                                       errors: [FieldError(field: "file", message: "The file cannot be read: \(error.diagnostics.first?.message ?? "")")])
        }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = StaffCheckPage(account: context.account, csrf: csrf.token, audit: audit, survey: survey, key: key, checked: checked,
                                  dateOrder: dateOrder, chosen: chosen, errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func staffPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, notice: String? = nil, link: String? = nil,
                           errors: [FieldError] = []) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await web.app.session(audit)
        let page = StaffPage(account: context.account, csrf: csrf.token, audit: audit, answerSets: try await session.staffAnswerCount(),
                             batches: try await session.staffBatches(), link: link, notice: notice, errors: errors,
                             linkIssuedAt: try await session.staffLinkIssuedAt(), moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
