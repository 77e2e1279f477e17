import Foundation
import Hummingbird
import S11App
import S11Core

/// The audit's officers: upload the CSV list (the same all-or-nothing checks as
/// `s11 officers import`, each problem with its row), or add, change and remove one officer in a
/// form. Every change goes through the application's `OfficerRoster`.
struct OfficersController: Sendable {
    let web: WebApp

    /// An officer's fields, as the add and change forms send them (blank meaning not given).
    struct OfficerForm: Decodable {
        @NonBlank var name: String?
        @NonBlank var email: String?
        @NonBlank var role: String?
        @NonBlank var serviceArea: String?

        enum CodingKeys: String, CodingKey {
            case name, email, role, serviceArea = "service_area"
        }

        /// The fields as the page shows them again ("" where nothing was typed).
        var typed: OfficerFields { OfficerFields(name: name ?? "", email: email ?? "", serviceArea: serviceArea ?? "") }
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/officers", use: officers)
        group.post("audits/:id/officers/upload", use: upload)
        group.post("audits/:id/officers/add", use: add)
        group.page("audits/:id/officers/change", use: changeForm)
        group.post("audits/:id/officers/change", use: change)
        group.page("audits/:id/officers/remove", use: removeForm)
        group.post("audits/:id/officers/remove", use: remove)
        group.page("audits/:id/officers/return", use: officerReturn)
    }

    func officers(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await officersPage(request, context, audit: try await context.audit(.running, in: web.app))
    }

    /// Imports an uploaded CSV list of officers, all rows or none.
    func upload(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try context.uploadedForm()
        let audit = try await context.audit(.running, in: web.app)
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await officersPage(request, context, audit: audit, errors: [FieldError(field: "file", message: "Choose the CSV file of officers")])
        }
        let name = file.name.isEmpty ? "officers.csv" : file.name
        do {
            let text = try CSVText.utf8(Data(file.bytes), file: name)
            let result = try await web.app.session(audit).officers.importCSV(text, file: name, by: context.account.email)
            return try await officersPage(request, context, audit: audit,
                                          notice: "Imported \(name): \(Counted(result.added, "officer")) added, \(result.updated) updated.")
        } catch let error as DiagnosticsError {
            let problems = ProblemRow.rows(error)
            return try await officersPage(request, context, audit: audit, errors: [
                FieldError(field: "problem-1",
                           message: "\(name) was not imported: \(Counted(problems.count, "problem")), listed below. Nothing was stored; correct the file and upload it again."),
            ], problems: problems, fileName: name)
        }
    }

    func add(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: OfficerForm.self)
        let audit = try await context.audit(.running, in: web.app)
        let officers = try await web.app.session(audit).officers
        let problems = try await officers.add(name: form.name, email: form.email, role: form.role, serviceArea: form.serviceArea,
                                               by: context.account.email)
        guard problems.isEmpty else {
            return try await officersPage(request, context, audit: audit,
                                          errors: problems.map { FieldError(field: "add-\($0.field)", message: $0.message.capitalisedFirst) },
                                          typed: form.typed.marked(problems), typedRole: form.role)
        }
        return try await officersPage(request, context, audit: audit, notice: "Added \(form.name ?? "") (\(form.email ?? "")).")
    }

    /// The form that changes one officer's name, role or service area.
    func changeForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let officer = try await officer(request.uri.queryParameters["email"].map(String.init), audit) else { throw HTTPError(.notFound) }
        return try await changePage(request, context, audit: audit, officer: officer,
                                    typed: OfficerFields(name: officer.name, email: officer.email, serviceArea: officer.serviceArea),
                                    typedRole: officer.role, errors: [])
    }

    func change(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: OfficerForm.self)
        let audit = try await context.audit(.running, in: web.app)
        guard let officer = try await officer(form.email, audit) else { throw HTTPError(.notFound) }
        let officers = try await web.app.session(audit).officers
        let problems = try await officers.edit(email: officer.email, name: form.name, role: form.role, serviceArea: form.serviceArea,
                                                by: context.account.email)
        guard problems.isEmpty else {
            return try await changePage(request, context, audit: audit, officer: officer, typed: form.typed.marked(problems), typedRole: form.role,
                                        errors: problems.map { FieldError(field: $0.field, message: $0.message.capitalisedFirst) })
        }
        return try await officersPage(request, context, audit: audit, notice: "Changed \(form.name ?? officer.name).")
    }

    /// "Check before you remove": what goes with the officer.
    func removeForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        guard let email = request.uri.queryParameters["email"].map(String.init),
              let status = try await web.app.session(audit).officerStatus(email: email) else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        return try web.html(OfficerRemovePage(account: context.account, csrf: csrf.token, audit: audit, status: status), request: request, csrf: csrf)
    }

    func remove(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: OfficerEmailForm.self)
        let audit = try await context.audit(.running, in: web.app)
        guard let officer = try await officer(form.email, audit) else { throw HTTPError(.notFound) }
        try await web.app.session(audit).officers.remove(email: officer.email, by: context.account.email)
        return try await officersPage(request, context, audit: audit, notice: "Removed \(officer.name) from the audit, with their answers and link.")
    }

    /// One officer's return as they answered it, with its history; not found for an address that is not the audit's.
    func officerReturn(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let session = try await web.app.session(audit)
        guard let email = request.uri.queryParameters["email"].map(String.init), let found = try await session.officerReturn(email: email) else {
            throw HTTPError(.notFound)
        }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = OfficerReturnPage(account: context.account, csrf: csrf.token, audit: audit, content: session.content, officer: found.officer,
                                     status: found.status, submittedAt: found.submittedAt, answers: found.answers,
                                     documents: try await web.app.documents.documents(of: found.officer, auditID: audit.id), events: found.history,
                                     messages: found.messages, moments: web.app.settings.moments)
        return try web.html(page, request: request, csrf: csrf)
    }

    // MARK: Pages

    private func officer(_ email: String?, _ audit: AuditRecord) async throws -> Officer? {
        guard let email else { return nil }
        return try await web.app.session(audit).officer(email: email)
    }

    private func changePage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, officer: Officer, typed: OfficerFields,
                            typedRole: String?, errors: [FieldError]) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let page = OfficerChangePage(account: context.account, csrf: csrf.token, audit: audit, content: try await web.app.session(audit).content,
                                     officer: officer, typed: typed, typedRole: typedRole, errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func officersPage(_ request: Request, _ context: SignedInRequestContext, audit: AuditRecord, notice: String? = nil,
                              errors: [FieldError] = [], problems: [ProblemRow] = [],
                              typed: OfficerFields = OfficerFields(name: "", email: "", serviceArea: ""), typedRole: String? = nil,
                              fileName: String? = nil) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await web.app.session(audit)
        let page = OfficersPage(account: context.account, csrf: csrf.token, audit: audit, content: session.content,
                                statuses: try await session.officerStatuses(), typed: typed,
                                typedRole: typedRole, notice: notice, errors: errors, problems: problems, fileName: fileName)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
