import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// An audit's trail of changes for its own coordinators (filtered by officer, requirement and
/// days), and what of it was submitted to the board for that board's users: read on a page and
/// downloaded as CSV with the same filters.
struct TrailController: Sendable {
    let web: WebApp

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/trail", use: trail)
        group.page("audits/:id/trail.csv", use: csv)
    }

    func trail(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (audit, session) = try await self.session(context)
        let (filter, typed, errors) = Self.filter(request)
        let (reader, entries) = try await read(session, errors.isEmpty ? filter : nil, context.account)
        let csrf = WebSecurity.csrfToken(for: request)
        let page = TrailPage(account: context.account, csrf: csrf.token, audit: audit, reader: reader, entries: entries,
                             query: errors.isEmpty ? request.uri.query ?? "" : "", typed: typed, errors: errors, moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    func csv(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (audit, session) = try await self.session(context)
        let (filter, _, errors) = Self.filter(request)
        guard errors.isEmpty else { throw HTTPError(.badRequest, message: errors.map { $0.message }.joined(separator: "; ")) }
        let (_, entries) = try await read(session, filter, context.account)
        let text = TrailCSV(timeZone: web.app.settings.moments.timeZone).write(entries)
        return Download.response(Array(text.utf8), fileName: "changes-\(audit.year).csv", contentType: "text/csv; charset=utf-8")
    }

    /// The audit the path names, as its coordinator runs it or as a board user of its round sees it.
    private func session(_ context: SignedInRequestContext) async throws -> (AuditRecord, AuditSession) {
        let audit = try await context.audit(context.account.isBoard ? .summary : .running, in: web.app)
        return (audit, try await web.app.session(audit))
    }

    /// Who reads, and the entries `filter` selects of what they may read (none without a filter):
    /// the coordinator all of it, a board user of the audit's round what was submitted to it.
    private func read(_ session: AuditSession, _ filter: TrailFilter?, _ account: Coordinator) async throws -> (TrailPage.Reader, [TrailEntry]) {
        guard account.isBoard else {
            let officers = try await session.officerStatuses().map(\.officer)
            guard let filter else { return (.coordinator(officers: officers), []) }
            return (.coordinator(officers: officers), try await session.trail(filter))
        }
        guard let (roundID, entries) = try await session.boardTrail(filter ?? TrailFilter(), for: account) else { throw HTTPError(.notFound) }
        return (.board(roundID: roundID, submitted: entries != nil), filter == nil ? [] : entries ?? [])
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
