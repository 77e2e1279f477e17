import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// The audit's officers in the browser: upload the CSV list (the same all-or-nothing checks as
/// `s11 officers import`, each problem with its row), or add, change and remove one officer in a
/// form. Every change goes through the application's `OfficerRoster`.
struct OfficerPages: Sendable {
    let app: WebApp

    func page(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await render(request, context, notice: nil, errors: [], problems: [], typed: [:])
    }

    /// Imports an uploaded CSV list of officers, all rows or none.
    func upload(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await UploadForm.read(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await render(request, context, notice: nil, errors: [["field": "file", "message": "Choose the CSV file of officers"]], problems: [], typed: [:])
        }
        let name = file.name.isEmpty ? "officers.csv" : file.name
        do {
            let text = try CSVText.utf8(Data(file.bytes), file: name)
            let result = try await app.session(audit).officers.importCSV(text, file: name)
            return try await render(request, context, notice: "Imported \(name): \(result.added) officer(s) added, \(result.updated) updated.",
                              errors: [], problems: [], typed: [:])
        } catch let error as DiagnosticsError {
            let problems = WebApp.problemRows(error)
            return try await render(request, context, notice: nil, errors: [
                ["field": "problem-1", "message": "\(name) was not imported: \(problems.count) problem(s), listed below. Nothing was stored; correct the file and upload it again."],
            ], problems: problems, typed: [:], fileName: name)
        }
    }

    func add(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let typed = Self.fields(form)
        let problems = try await app.session(audit).officers.add(name: typed["name"], email: typed["email"], role: typed["role"], serviceArea: typed["service_area"])
        guard problems.isEmpty else {
            return try await render(request, context, notice: nil, errors: problems.map { ["field": "add-\($0.field)", "message": $0.message.capitalisedFirst] },
                              problems: [], typed: typed)
        }
        return try await render(request, context, notice: "Added \(typed["name"] ?? "") (\(typed["email"] ?? "")).", errors: [], problems: [], typed: [:])
    }

    /// The form that changes one officer's name, role or service area.
    func changeForm(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let officer = try await officer(request.uri.queryParameters["email"].map(String.init), audit) else { throw HTTPError(.notFound) }
        return try await changePage(request, context, officer: officer,
                              typed: ["name": officer.name, "role": officer.role, "service_area": officer.serviceArea], errors: [])
    }

    func change(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let officer = try await officer(form.text("email"), audit) else { throw HTTPError(.notFound) }
        let typed = Self.fields(form)
        let problems = try await app.session(audit).officers.edit(email: officer.email, name: typed["name"], role: typed["role"], serviceArea: typed["service_area"])
        guard problems.isEmpty else {
            return try await changePage(request, context, officer: officer, typed: typed,
                                  errors: problems.map { ["field": $0.field, "message": $0.message.capitalisedFirst] })
        }
        return try await render(request, context, notice: "Changed \(typed["name"] ?? officer.name).", errors: [], problems: [], typed: [:])
    }

    /// "Check before you remove": what goes with the officer.
    func removeForm(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let status = try await app.store.officerStatuses(auditID: audit.id)
            .first(where: { $0.officer.email.lowercased() == request.uri.queryParameters["email"].map(String.init)?.lowercased() }) else {
            throw HTTPError(.notFound)
        }
        let csrf = WebSecurity.csrfToken(for: request)
        let html = try app.render("admin-officer-remove", [
            "title": "Remove \(status.officer.name)", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "name": status.officer.name, "email": status.officer.email, "serviceArea": status.officer.serviceArea,
            "answered": status.answered, "status": status.status.label,
        ])
        return WebSecurity.html(html, request: request, csrf: csrf)
    }

    func remove(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let officer = try await officer(form.text("email"), audit) else { throw HTTPError(.notFound) }
        try await app.session(audit).officers.remove(email: officer.email)
        return try await render(request, context, notice: "Removed \(officer.name) from the audit, with their answers and link.", errors: [], problems: [], typed: [:])
    }

    // MARK: Rendering


    private func officer(_ email: String?, _ audit: AuditRecord) async throws -> Officer? {
        guard let email = email?.lowercased() else { return nil }
        return try await app.store.officers(auditID: audit.id).first { $0.email.lowercased() == email }
    }

    private static func fields(_ form: FormBody) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ["name", "email", "role", "service_area"].compactMap { name in form.text(name).map { (name, $0) } })
    }

    private func roles(_ audit: AuditRecord, chosen: String?) async throws -> [[String: Any]] {
        try await app.content(of: audit).selfAssessment.roles.map { ["id": $0.id, "label": $0.label, "selected": $0.id == chosen] }
    }

    private func changePage(_ request: Request, _ context: WebRequestContext, officer: Officer, typed: [String: String],
                            errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let roles = try await roles(audit, chosen: typed["role"])
        let html = try app.render("admin-officer-change", [
            "title": "Change \(officer.name)", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "email": officer.email, "typed": typed, "roles": roles,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ])
        return WebSecurity.html(html, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func render(_ request: Request, _ context: WebRequestContext, notice: String?, errors: [[String: String]],
                        problems: [[String: Any]], typed: [String: String], fileName: String? = nil) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let content = try await app.content(of: audit)
        let officers = try await app.store.officerStatuses(auditID: audit.id).map { status -> [String: Any] in
            let query = status.officer.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return ["name": status.officer.name, "email": status.officer.email, "query": query, "serviceArea": status.officer.serviceArea,
                    "role": content.selfAssessment.roleLabel(status.officer.role), "status": status.status.label, "id": audit.id]
        }
        let values: [String: Any?] = await [
            "title": "Officers", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "organisation": audit.organisation, "year": audit.year, "officers": officers, "hasOfficers": !officers.isEmpty,
            "columns": OfficerListReader.columns.joined(separator: ","), "typed": typed, "roles": try roles(audit, chosen: typed["role"]),
            "notice": notice, "problems": problems, "hasProblems": !problems.isEmpty, "fileName": fileName,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-officers", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
