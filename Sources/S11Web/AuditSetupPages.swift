import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML

/// Opening the year's audit in the browser: the content (which self-assessment survey of the
/// server's Standards/ and Surveys/), the deadline and contact, and whether last year's officers
/// and answers come forward as starting values. The application's `AuditSession.open` does it,
/// as `s11 audit open` does.
struct AuditSetupPages: Sendable {
    let app: WebApp

    func form(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await render(request, typed: [:], errors: [])
    }

    func open(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let coordinator = try await app.coordinator(request) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let organisation = coordinator.organisation else { throw HTTPError(.notFound) }   // boards open rounds, not audits
        let typed = ["year": form.text("year") ?? "", "survey": form.text("survey") ?? "", "deadline": form.text("deadline") ?? "",
                     "contact": form.text("contact") ?? "", "carry": form["carry"] ?? ""]
        var errors: [[String: String]] = []
        let year = Int(typed["year"] ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.append(["field": "year", "message": "Write the audit year as four digits, for example 2027"]) }
        let deadline = typed["deadline"].flatMap { $0.isEmpty ? nil : $0 }
        if let deadline, CalendarDate(iso: deadline) == nil {
            errors.append(["field": "deadline", "message": "Write the deadline as YYYY-MM-DD, for example 2027-03-31"])
        }
        if let year, try await app.store.audits(visibleTo: coordinator).contains(where: { $0.year == year }) {
            errors.append(["field": "year", "message": "The \(year) audit is already open; choose it from your audits"])
        }
        guard errors.isEmpty, let year, let root = app.contentRoot else {
            if app.contentRoot == nil { errors.append(["field": "year", "message": "This server was started without Standards/ and Surveys/ (s11 serve --content DIR)"]) }
            return try await render(request, typed: typed, errors: errors)
        }
        let previous = await typed["carry"] == "yes"
            ? try app.store.audits(visibleTo: coordinator).first { $0.year == year - 1 } : nil
        let session: AuditSession
        do {
            session = try await AuditSession.open(store: app.store, root: root, organisation: organisation, year: year,
                                            surveyID: typed["survey"].flatMap { $0.isEmpty ? nil : $0 }, carryFrom: previous)
        } catch let error as DiagnosticsError {
            return try await render(request, typed: typed, errors: [["field": "survey", "message": "The server's content does not pass 's11 check': \(error.diagnostics.first?.description ?? "")"]])
        }
        try await app.store.setReturnsDue(auditID: session.audit.id, deadline: deadline.flatMap(CalendarDate.init(iso:)), contact: typed["contact"].flatMap { $0.isEmpty ? nil : $0 })
        return WebSecurity.redirect(to: "/admin/audits/\(session.audit.id)")
    }

    private func render(_ request: Request, typed: [String: String], errors: [[String: String]]) async throws -> Response {
        guard let coordinator = try await app.coordinator(request) else { return WebSecurity.redirect(to: "/admin/login") }
        guard let organisation = coordinator.organisation else { throw HTTPError(.notFound) }
        let csrf = WebSecurity.csrfToken(for: request)
        let surveys = app.contentRoot.map { ContentLoader(root: $0).load().library.surveys.filter { $0.kind == .selfAssessment } } ?? []
        let last = try await app.store.audits(visibleTo: coordinator).first
        let year = typed["year"] ?? String((last?.year ?? Calendar(identifier: .gregorian).component(.year, from: Date()) - 1) + 1)
        let values: [String: Any?] = [
            "title": "Open an audit", "csrf": csrf.token, "coordinator": coordinator.email, "organisation": organisation,
            "year": year, "deadline": typed["deadline"], "contact": typed["contact"],
            "surveys": surveys.map { ["id": $0.id, "title": "\($0.title) (version \($0.version))", "selected": $0.id == typed["survey"]] },
            "lastYear": last.map { "\($0.year)" }, "carry": typed["carry"] == nil || typed["carry"] == "yes",
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-audit-new", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
