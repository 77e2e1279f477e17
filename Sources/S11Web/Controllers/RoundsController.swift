import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// The board's rounds, for board users only (`BoardOnly`): open the year's round for the member
/// organisations (the CSV list, all rows or none), see where every organisation stands by stage
/// and sector, give a submitted self-assessment back, and download the round (CSV, XML) and the
/// board report. Everything goes through the application's `BoardRounds`, as `s11 round` does.
struct RoundsController: Sendable {
    let web: WebApp

    /// The organisation whose self-assessment goes back, and why.
    struct GiveBackForm: Decodable {
        @NonBlank var audit: String?
        @NonBlank var reason: String?
    }

    /// The routes under `/admin/rounds`.
    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page(use: rounds)
        group.post(use: open)
        group.page(":round", use: round)
        group.page(":round/round.csv", use: csv)
        group.page(":round/round.xml", use: xml)
        group.page(":round/report.html", use: report)
        group.page(":round/report.docx", use: report)
        group.post(":round/return", use: giveBack)
    }

    func rounds(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await roundsPage(request, context, typed: RoundsPage.Typed(), errors: [], problems: [])
    }

    /// Opens a round from the form and the uploaded list of member organisations.
    func open(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try context.uploadedForm()
        let account = context.account
        let typed = RoundsPage.Typed(board: account.board ?? form.text("board") ?? "", year: form.text("year") ?? "",
                                     deadline: form.text("deadline") ?? "", survey: form.text("survey") ?? "")
        var errors: [FieldError] = []
        if typed.board.isEmpty { errors.append(FieldError(field: "board", message: "Write the board's name")) }
        let year = Int(typed.year).flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.append(FieldError(field: "year", message: "Write the audit year as four digits, for example 2027")) }
        let deadline = CalendarDate(iso: typed.deadline)
        if deadline == nil { errors.append(FieldError(field: "deadline", message: "Write the deadline as YYYY-MM-DD, for example 2027-03-31")) }
        let file = form.files["file"].flatMap { $0.bytes.isEmpty ? nil : $0 }
        if file == nil { errors.append(FieldError(field: "file", message: "Choose the CSV file of member organisations")) }
        guard let root = web.app.settings.contentRoot else {
            errors.append(FieldError(field: "board", message: "This server was started without Standards/ and Surveys/ (s11 serve --content DIR)"))
            return try await roundsPage(request, context, typed: typed, errors: errors, problems: [])
        }
        guard errors.isEmpty, let year, let deadline, let file else { return try await roundsPage(request, context, typed: typed, errors: errors, problems: []) }
        let name = file.name.isEmpty ? "members.csv" : file.name
        let rounds = web.app.rounds
        let opened: BoardRounds.Opened
        do {
            opened = try await rounds.open(board: typed.board, year: year, deadline: deadline, root: root, surveyID: form.text("survey"),
                                           membersCSV: try CSVText.utf8(Data(file.bytes), file: name), file: name, by: account.email)
        } catch let error as DiagnosticsError {
            let problems = ProblemRow.rows(error)
            return try await roundsPage(request, context, typed: typed, errors: [
                FieldError(field: "problem-1",
                           message: "\(name) was not used: \(Counted(problems.count, "problem")), listed below. No round was opened; correct the file and upload it again."),
            ], problems: problems)
        } catch let error as ContentSelectionError {
            return try await roundsPage(request, context, typed: typed, errors: [FieldError(field: "survey", message: "No round was opened: \(error.message)")],
                                        problems: [])
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await roundsPage(request, context, typed: typed, errors: [FieldError(field: "file", message: "No round was opened: \(refusal)")],
                                        problems: [])
        }
        // The leads' links go to them by mail, or into the server's mail folder; a board user never sees them.
        let settings = web.app.settings
        _ = await rounds.sendInvitations(opened, baseURL: settings.baseURL, from: settings.mailFrom,
                                         via: settings.mailDelivery(subfolder: "round-\(opened.round.id)"))
        return WebSecurity.redirect(to: "/admin/rounds/\(opened.round.id)")
    }

    /// Where every member organisation stands, by stage and by sector; `?sector=`, `?stage=`, `?band=` and
    /// `?changed=yes` narrow the heatmap and the list, `?order=` orders the heatmap.
    func round(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await roundPage(request, context, notice: nil, errors: [])
    }

    /// The board gives a submitted self-assessment back to its organisation, saying why.
    func giveBack(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: GiveBackForm.self)
        let round = try await context.round(in: web.app)
        guard let auditID = form.audit.flatMap(Int64.init), let member = try await web.app.rounds.member(roundID: round.id, auditID: auditID)
        else { throw HTTPError(.notFound) }
        do {
            try await web.app.rounds.giveBack(auditID: auditID, roundID: round.id, by: context.account.email, reason: form.reason ?? "")
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await roundPage(request, context, notice: nil, errors: [FieldError(field: "reason-\(auditID)", message: refusal)])
        }
        return try await roundPage(request, context, notice: "Returned \(member.member.organisation)'s self-assessment to its lead for changes.",
                                   errors: [])
    }

    /// Every organisation that submitted, by requirement (self, moderated, band), as CSV.
    func csv(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let progress = try await progress(context)
        let rounds = web.app.rounds
        guard let picture = try await rounds.picture(progress) else { throw HTTPError(.notFound) }
        return Download.response(Array(rounds.csv(picture).utf8), fileName: "round-\(progress.round.year)-\(progress.round.id).csv",
                                 contentType: "text/csv; charset=utf-8")
    }

    /// The whole round as XML (round.xsd), validated as it is written.
    func xml(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let progress = try await progress(context)
        return Download.response(try await web.app.rounds.xml(progress), fileName: "round-\(progress.round.year)-\(progress.round.id).xml",
                                 contentType: "application/xml")
    }

    /// The board report for the board meeting, as a page to print or a Word document.
    func report(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let progress = try await progress(context)
        let report = try await web.app.rounds.report(progress)
        let name = "board-report-\(progress.round.year)-\(progress.round.id)"
        if request.uri.path.hasSuffix(".docx") {
            return Download.response(Array(try BoardReportWord().write(report)), fileName: "\(name).docx",
                                     contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        return Download.response(Array(BoardReportHTML().write(report).utf8), fileName: "\(name).html", contentType: "text/html; charset=utf-8")
    }

    // MARK: Pages, shared with the round's events and peers

    /// Where the round the path names stands today.
    func progress(_ context: SignedInRequestContext) async throws -> RoundProgress {
        let round = try await context.round(in: web.app)
        return try await web.app.rounds.progress(roundID: round.id, today: WebApp.today())
    }

    /// The round's page, with what a form on it did or what was wrong.
    func roundPage(_ request: Request, _ context: SignedInRequestContext, notice: String?, errors: [FieldError]) async throws -> Response {
        let rounds = web.app.rounds
        let overview = try await rounds.overview(roundID: try await context.round(in: web.app).id, today: WebApp.today())
        let csrf = WebSecurity.csrfToken(for: request)
        let query = request.uri.queryParameters
        let narrowing = RoundPage.Narrowing(sector: query.get("sector").flatMap { $0.isEmpty ? nil : $0 },
                                            filter: RoundFilter(stage: query.get("stage").flatMap(RoundFilter.Stage.init(rawValue:)),
                                                                band: query.get("band").flatMap(Rag.init(rawValue:)),
                                                                changedSinceLastYear: query.get("changed") == "yes"),
                                            order: query.get("order").flatMap(HeatmapOrder.init(rawValue:)) ?? .worstFirst)
        let paging = RoundPage.Paging(heatmap: query.get("page").flatMap { Int($0) }, list: query.get("list").flatMap { Int($0) })
        let dashboard = try await rounds.dashboard(overview, sector: narrowing.sector, filter: narrowing.filter, order: narrowing.order) { total in
            ListPage(requested: paging.heatmap, total: total).range
        }
        let members = try await rounds.members(overview, sector: narrowing.sector, filter: narrowing.filter, admitted: dashboard?.admitted) { total in
            ListPage(requested: paging.list, total: total).range
        }
        var page = RoundPage(account: context.account, csrf: csrf.token, overview: overview, dashboard: dashboard, members: members,
                             narrowing: narrowing, paging: paging, events: try await rounds.events(roundID: overview.round.id),
                             pairings: try await rounds.pairings(roundID: overview.round.id), notice: notice, errors: errors)
        page.leadReminders = RoundRemindersPage.summary(try await rounds.reminderSchedule(roundID: overview.round.id),
                                                        round: overview.round, settings: web.app.settings, now: Date())
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func roundsPage(_ request: Request, _ context: SignedInRequestContext, typed: RoundsPage.Typed, errors: [FieldError],
                            problems: [ProblemRow]) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let rounds = try await web.app.rounds.visible(to: context.account)
        // Where Surveys/ holds several self-assessments (one per board's catalogue), the board chooses its own.
        let surveys = web.app.audits.surveysOnOffer()
        let page = RoundsPage(account: context.account, csrf: csrf.token, rounds: rounds, surveys: surveys, typed: typed, errors: errors, problems: problems)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
