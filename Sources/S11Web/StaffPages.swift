import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// The staff confidence survey, for the coordinator: its public link to copy, and an upload of a
/// SurveyMonkey, Microsoft Forms or s11 export that shows how each column was matched, lets the
/// lead map or ignore the rest, and stores nothing until they confirm (`StaffUploads`).
struct StaffPages: Sendable {
    let app: WebApp

    func page(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await render(request, context, notice: nil, link: nil, errors: [])
    }

    /// Issues the survey's public link (replacing any earlier one) and shows it once.
    func issueLink(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        return try await render(request, context, notice: nil, link: try app.session(audit).issueStaffLink(baseURL: app.baseURL), errors: [])
    }

    /// Keeps the uploaded export aside and shows how its columns match.
    func upload(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await UploadForm.read(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await render(request, context, notice: nil, link: nil, errors: [["field": "file", "message": "Choose the survey export (a CSV file)"]])
        }
        let key = try app.staffUploads(audit).keep(file.bytes, name: file.name.isEmpty ? "export.csv" : file.name)
        return try await checkPage(request, context, key: key, dateOrder: form.text("dateOrder") ?? "", chosen: [:], errors: [])
    }

    /// Imports the checked export with the columns as the lead left them, or says what is wrong.
    func confirm(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let key = form.text("upload") ?? ""
        if form["choice"] == "cancel" {
            app.staffUploads(audit).discard(key)
            return try await render(request, context, notice: "The upload was cancelled; nothing was stored.", link: nil, errors: [])
        }
        let session = try await app.session(audit)
        let checked = try app.staffUploads(audit).check(key, session: session)
        var chosen: [Int: String] = [:]
        var mapping: [String: String] = [:]
        var errors: [[String: String]] = []
        for column in checked.columns {
            let value = form.text("column.\(column.column)") ?? ""
            chosen[column.column] = value
            if value.isEmpty {
                errors.append(["field": "column-\(column.column)", "message": "Say what column \(column.column) ('\(column.heading)') holds, or ignore it"])
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
                errors.append(["field": "absent", "message": "Confirm that the export has no column for the \(missing.count) question(s) listed, or match their columns"])
            }
        }
        let dateOrder = DateOrder(rawValue: form.text("dateOrder") ?? "")
        guard errors.isEmpty else { return try await checkPage(request, context, key: key, dateOrder: form.text("dateOrder") ?? "", chosen: chosen, errors: errors) }
        do {
            let coordinator = try await app.coordinator(request)?.email ?? "coordinator"
            let batches = try await app.staffUploads(audit).confirm(key, session: session, mapping: mapping, dateOrder: dateOrder, by: coordinator)
            let count = batches.map(\.answerSets).reduce(0, +)
            return try await render(request, context, notice: "Imported \(count) anonymous answer set(s) from \(checked.file).", link: nil, errors: [])
        } catch let error as DiagnosticsError {
            let folder = app.staffUploads(audit).folder.path
            let problems = error.diagnostics.prefix(50).enumerated().map { index, problem -> [String: String] in
                let message = problem.message.replacingOccurrences(of: folder + "/", with: "")
                return ["field": index == 0 ? "check" : "check", "message": "Line \(problem.location.line): \(message)"]
            }
            return try await checkPage(request, context, key: key, dateOrder: form.text("dateOrder") ?? "", chosen: chosen, errors: problems)
        }
    }

    // MARK: Rendering


    private func checkPage(_ request: Request, _ context: WebRequestContext, key: String, dateOrder: String, chosen: [Int: String],
                           errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let session = try await app.session(audit)
        let survey = try session.staffReader().survey
        let checked: (file: String, columns: [StaffColumnMatch], missing: [(id: String, text: String)])
        do {
            checked = try app.staffUploads(audit).check(key, session: session)
        } catch let error as DiagnosticsError {
            app.staffUploads(audit).discard(key)
            return try await render(request, context, notice: nil, link: nil,
                              errors: [["field": "file", "message": "The file cannot be read: \(error.diagnostics.first?.message ?? "")"]])
        }
        let targets: [(id: String, label: String)] = survey.profile.map { ($0.id, "\($0.id): \($0.label)") }
            + survey.statements.map { ($0.id, "\($0.id): \($0.text)") } + [("date", "The date answered"), ("ignore", "Leave out")]
        let csrf = WebSecurity.csrfToken(for: request)
        let columns = checked.columns.map { column -> [String: Any] in
            let value = chosen[column.column] ?? column.target ?? ""
            return ["column": column.column, "heading": column.heading, "matched": column.target != nil,
                    "options": targets.map { ["id": $0.id, "label": $0.label, "selected": $0.id == value] }]
        }
        let html = try app.render("admin-staff-check", [
            "title": "Check the columns", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "file": checked.file, "upload": key, "columns": columns,
            "matched": checked.columns.filter { $0.target != nil }.count, "columnCount": checked.columns.count,
            "missing": checked.missing.map { ["id": $0.id, "text": $0.text] }, "hasMissing": !checked.missing.isEmpty,
            "dmy": dateOrder == "dmy", "mdy": dateOrder == "mdy", "fromFile": dateOrder != "dmy" && dateOrder != "mdy",
            "hasErrors": !errors.isEmpty, "errors": errors,
        ])
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func render(_ request: Request, _ context: WebRequestContext, notice: String?, link: String?, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let batches = try await app.store.staffImportBatches(auditID: audit.id).map { batch -> [String: String] in
            ["file": batch.fileName, "count": "\(batch.answerSets)", "on": batch.importedOn.spelledOut, "by": batch.importedBy]
        }
        let values: [String: Any?] = await [
            "title": "Staff confidence survey", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "organisation": audit.organisation, "year": audit.year, "answers": try app.store.staffAnswerSetCount(auditID: audit.id),
            "link": link, "batches": batches, "hasBatches": !batches.isEmpty, "notice": notice,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-staff", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
