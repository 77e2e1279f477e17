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
        group.page("audits/:id/staff/batches/:batch/undo", use: undoConfirm)
        group.post("audits/:id/staff/batches/:batch/undo", use: undo)
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
        return try web.confirm(request, context, audit: audit) { bar in
            ConfirmPage(title: "Issue a new staff survey link?", bar: bar,
                        paragraphs: ["The link issued on \(web.app.settings.moments.text(iso: issued)) stops working at once: "
                                     + "anyone who opens it from the message they were sent is told it does not work.",
                                     "The answers already given are kept. Send the new link to all staff."],
                        action: "/admin/audits/\(audit.id)/staff/link", fields: [], button: "Issue a new link",
                        backHref: "/admin/audits/\(audit.id)/staff", backText: "Keep the current link")
        }
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
        return try await checkPage(request, context, audit: audit, key: key, dateOrder: form.text("dateOrder") ?? "", chosen: [:], again: false,
                                   errors: [])
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
        let again = form["again"] == "yes"
        if !again, try await web.staffUploads(audit).earlierImport(key, session: session) != nil {
            errors.append(Self.importedBefore)
        }
        guard errors.isEmpty else {
            return try await checkPage(request, context, audit: audit, key: key, dateOrder: dateOrder, chosen: chosen, again: again, errors: errors)
        }
        do {
            let batches = try await web.staffUploads(audit).confirm(key, session: session, mapping: mapping, dateOrder: DateOrder(rawValue: dateOrder),
                                                                    again: again, by: context.account.email)
            let count = batches.map(\.answerSets).reduce(0, +)
            return try await staffPage(request, context, audit: audit, notice: "Imported \(Counted(count, "anonymous answer set")) from \(checked.file).")
        } catch let error as DiagnosticsError {
            // The same file imported by someone else since the page was shown is asked about as above.
            let folder = web.staffUploads(audit).folder.path
            let problems = try await web.staffUploads(audit).earlierImport(key, session: session) != nil && !again ? [Self.importedBefore]
                : error.diagnostics.prefix(50).map { problem in
                    FieldError(field: "check", message: "Line \(problem.location.line): \(problem.message.replacingOccurrences(of: folder + "/", with: ""))")
                }
            return try await checkPage(request, context, audit: audit, key: key, dateOrder: dateOrder, chosen: chosen, again: again, errors: problems)
        }
    }

    /// What a file imported before needs before it is imported again.
    static let importedBefore = FieldError(field: "again", message: "This file was imported before: tick the box to import it again, or take the earlier import out first")

    /// Asks before one imported file's answers are taken out of the audit.
    func undoConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let batch = try await self.batch(context, audit: audit)
        return try web.confirm(request, context, audit: audit) { bar in
            ConfirmPage(title: "Take out the answers imported from \(batch.fileName)?", bar: bar,
                        paragraphs: ["The \(Counted(batch.answerSets, "anonymous answer set")) imported from \(batch.fileName) on "
                                     + "\(batch.importedOn.spelledOut) by \(batch.importedBy) are deleted from the audit, and the staff "
                                     + "results are worked out without them.",
                                     "This cannot be undone, but the file can be imported again afterwards."],
                        action: "/admin/audits/\(audit.id)/staff/batches/\(batch.id)/undo", fields: [], button: "Take the answers out",
                        backHref: "/admin/audits/\(audit.id)/staff", backText: "Keep them")
        }
    }

    /// Takes one imported file's answers out of the audit, and says so.
    func undo(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let undone = try await web.app.session(audit).undoStaffBatch(try await batch(context, audit: audit).id)
        return try await staffPage(request, context, audit: audit,
                                   notice: "Took out the \(Counted(undone.answerSets, "anonymous answer set")) imported from \(undone.fileName) on \(undone.importedOn.spelledOut).")
    }

    /// The audit's batch the link names; not found for another audit's, or one already taken out.
    private func batch(_ context: SignedInRequestContext, audit: AuditRecord) async throws -> StaffImportBatch {
        let id = context.parameters.get("batch").flatMap(Int64.init)
        guard let batch = try await web.app.session(audit).staffBatches().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        return batch
    }

    // MARK: Pages

    private func checkPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, key: String, dateOrder: String,
                           chosen: [Int: String], again: Bool, errors: [FieldError]) async throws -> Response {
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
                                  dateOrder: dateOrder, chosen: chosen, earlier: try await web.staffUploads(audit).earlierImport(key, session: session),
                                  again: again, errors: errors)
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
