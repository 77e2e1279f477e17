import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// An audit's trail of changes for its own coordinators: read on a page, filtered by officer,
/// requirement and days, and downloaded as CSV with the same filters.
struct TrailController: Sendable {
    let web: WebApp

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/trail", use: trail)
        group.page("audits/:id/trail.csv", use: csv)
    }

    func trail(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let session = try await web.app.session(audit)
        let (filter, typed, errors) = Self.filter(request)
        let entries = errors.isEmpty ? try await session.trail(filter) : []
        let csrf = WebSecurity.csrfToken(for: request)
        let page = TrailPage(account: context.account, csrf: csrf.token, audit: audit, officers: try await session.officerStatuses().map(\.officer),
                             entries: entries, query: errors.isEmpty ? request.uri.query ?? "" : "", typed: typed, errors: errors,
                             moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    func csv(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.running, in: web.app)
        let (filter, _, errors) = Self.filter(request)
        guard errors.isEmpty else { throw HTTPError(.badRequest, message: errors.map { $0.message }.joined(separator: "; ")) }
        let entries = try await web.app.session(audit).trail(filter)
        let text = TrailCSV(timeZone: web.app.settings.moments.timeZone).write(entries)
        return Download.response(Array(text.utf8), fileName: "changes-\(audit.year).csv", contentType: "text/csv; charset=utf-8")
    }

    /// The filter the query asks for, what was typed, and a problem for each day that is not one.
    static func filter(_ request: Request) -> (TrailFilter, (officer: String, requirement: String, from: String, to: String), [FieldError]) {
        let query = request.uri.queryParameters
        func text(_ name: String) -> String { query[Substring(name)].map { String($0).trimmingCharacters(in: .whitespaces) } ?? "" }
        let typed = (officer: text("officer"), requirement: text("requirement"), from: text("from"), to: text("to"))
        var errors: [FieldError] = []
        func day(_ value: String, _ field: String) -> CalendarDate? {
            guard !value.isEmpty else { return nil }
            guard let day = CalendarDate(iso: value) else {
                errors.append(FieldError(field: field, message: "Write the day as year-month-day, such as 2027-01-04"))
                return nil
            }
            return day
        }
        let filter = TrailFilter(officer: typed.officer.isEmpty ? nil : typed.officer, item: typed.requirement.isEmpty ? nil : typed.requirement,
                                 from: day(typed.from, "from"), to: day(typed.to, "to"))
        return (filter, typed, errors)
    }
}
