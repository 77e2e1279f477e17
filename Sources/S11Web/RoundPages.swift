import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store
import S11XML

/// The board's round in the browser, for board users only: open the year's round for the member
/// organisations (the CSV list, all rows or none), see where every organisation stands by stage
/// and sector, and give a submitted self-assessment back. Everything goes through the
/// application's `BoardRounds`, as `s11 round` does.
struct RoundPages: Sendable {
    let app: WebApp

    func list(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await listPage(request, typed: [:], errors: [], problems: [])
    }

    /// Opens a round from the form and the uploaded list of member organisations.
    func open(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await UploadForm.read(request)
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let typed = ["board": coordinator.board ?? form.text("board") ?? "", "year": form.text("year") ?? "", "deadline": form.text("deadline") ?? "",
                     "survey": form.text("survey") ?? ""]
        var errors: [[String: String]] = []
        if typed["board"]?.isEmpty != false { errors.append(["field": "board", "message": "Write the board's name"]) }
        let year = Int(typed["year"] ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.append(["field": "year", "message": "Write the audit year as four digits, for example 2027"]) }
        let deadline = CalendarDate(iso: typed["deadline"] ?? "")
        if deadline == nil { errors.append(["field": "deadline", "message": "Write the deadline as YYYY-MM-DD, for example 2027-03-31"]) }
        let file = form.files["file"].flatMap { $0.bytes.isEmpty ? nil : $0 }
        if file == nil { errors.append(["field": "file", "message": "Choose the CSV file of member organisations"]) }
        guard let root = app.contentRoot else {
            errors.append(["field": "board", "message": "This server was started without Standards/ and Surveys/ (s11 serve --content DIR)"])
            return try await listPage(request, typed: typed, errors: errors, problems: [])
        }
        guard errors.isEmpty, let year, let deadline, let file else { return try await listPage(request, typed: typed, errors: errors, problems: []) }
        let name = file.name.isEmpty ? "members.csv" : file.name
        let rounds = BoardRounds(store: app.store)
        let opened: BoardRounds.Opened
        do {
            opened = try await rounds.open(board: typed["board"]!, year: year, deadline: deadline, root: root, surveyID: form.text("survey"),
                                           membersCSV: try CSVText.utf8(Data(file.bytes), file: name), file: name, by: coordinator.email)
        } catch let error as DiagnosticsError {
            let problems = WebApp.problemRows(error)
            return try await listPage(request, typed: typed, errors: [
                ["field": "problem-1", "message": "\(name) was not used: \(problems.count) problem(s), listed below. No round was opened; correct the file and upload it again."],
            ], problems: problems)
        } catch let error as ContentSelectionError {
            return try await listPage(request, typed: typed, errors: [["field": "survey", "message": "No round was opened: \(error.message)"]], problems: [])
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await listPage(request, typed: typed, errors: [["field": "file", "message": "No round was opened: \(refusal)"]], problems: [])
        }
        // The leads' links go to them by mail, or into the server's mail folder; a board user never sees them.
        _ = await rounds.sendInvitations(opened, baseURL: app.baseURL, from: app.mailFrom, via: app.mailDelivery(subfolder: "round-\(opened.round.id)"))
        return WebSecurity.redirect(to: "/admin/rounds/\(opened.round.id)")
    }

    private func listPage(_ request: Request, typed: [String: String], errors: [[String: String]], problems: [[String: Any]]) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let rounds = try await app.store.rounds().filter { coordinator.sees(board: $0.board) }.map { round -> [String: Any] in
            ["id": round.id, "board": round.board, "year": round.year, "deadline": round.deadline.spelledOut]
        }
        // Where Surveys/ holds several self-assessments (one per board's catalogue), the board chooses its own.
        let surveys = app.contentRoot.map { ContentLoader(root: $0).load().library.surveys.filter { $0.kind == .selfAssessment } } ?? []
        let values: [String: Any] = [
            "surveys": surveys.map { ["id": $0.id, "title": $0.title, "catalogue": $0.catalogueID, "selected": $0.id == typed["survey"]] },
            "chooseSurvey": surveys.count > 1,
            "title": "Rounds", "csrf": csrf.token, "coordinator": coordinator.email, "rounds": rounds, "hasRounds": !rounds.isEmpty,
            "board": coordinator.board ?? typed["board"] ?? "", "boardFixed": coordinator.board != nil, "year": typed["year"] ?? "", "deadline": typed["deadline"] ?? "",
            "columns": RoundMemberListReader.columns.joined(separator: ", "),
            "problems": problems, "hasProblems": !problems.isEmpty, "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-rounds", values), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }

    /// Where every member organisation stands, by stage and by sector; `?sector=` narrows the list.
    func dashboard(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await dashboardPage(request, context, notice: nil, errors: [])
    }

    /// The board gives a submitted self-assessment back to its organisation, saying why.
    func giveBack(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        guard let auditID = form.text("audit").flatMap(Int64.init), let member = progress.members.first(where: { $0.row.auditID == auditID })
        else { throw HTTPError(.notFound) }
        do {
            try await BoardRounds(store: app.store).giveBack(auditID: auditID, roundID: progress.round.id, by: coordinator.email,
                                                             reason: form.text("reason") ?? "")
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await dashboardPage(request, context, notice: nil, errors: [["field": "reason-\(auditID)", "message": refusal]])
        }
        return try await dashboardPage(request, context, notice: "Returned \(member.row.member.organisation)'s self-assessment to its lead for changes.", errors: [])
    }

    /// Every organisation that submitted, by requirement (self, moderated, band), as CSV.
    func csv(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let rounds = BoardRounds(store: app.store)
        guard let picture = try await rounds.picture(progress, content: { [app] in try await app.content(of: $0) }) else { throw HTTPError(.notFound) }
        return Download.response(Array(rounds.csv(picture).utf8), fileName: "round-\(progress.round.year)-\(progress.round.id).csv",
                                 contentType: "text/csv; charset=utf-8")
    }

    /// The whole round as XML (round.xsd), validated as it is written.
    func xml(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        return Download.response(try await BoardRounds(store: app.store).xml(progress), fileName: "round-\(progress.round.year)-\(progress.round.id).xml",
                                 contentType: "application/xml")
    }

    /// One organisation's return to its own board, read through the round's crosswalk: every
    /// requirement of this board's catalogue with what answers it, and what nothing answers.
    func reading(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await readingPage(request, context, errors: [])
    }

    /// The board's own moderation of a return it reads, in its catalogue's terms.
    func moderateReading(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let auditID = try readMember(context, in: progress).auditID
        let rounds = BoardRounds(store: app.store)
        let session = try await rounds.readingSession(progress, auditID: auditID, content: { [app] in try await app.content(of: $0) })
        switch try await ModerationForm(session: session).apply(form, record: { scope, rag, option, reason in
            try await rounds.moderateReading(session, roundID: progress.round.id, scope: scope, rag: rag, option: option, reason: reason,
                                             by: coordinator.email)
        }) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/rounds/\(progress.round.id)/readings/\(auditID)#\(field)")
        case .refused(let errors): return try await readingPage(request, context, errors: errors)
        }
    }

    /// The organisation the path names (`:audit`) when the round reads it through a crosswalk; 404 otherwise.
    private func readMember(_ context: WebRequestContext, in progress: RoundProgress) throws -> RoundMemberStatus {
        guard let row = context.parameters.get("audit").flatMap(Int64.init).flatMap(progress.readMember(auditID:)) else { throw HTTPError(.notFound) }
        return row
    }

    /// The board drafts its own plan for the return it reads (replacing an earlier draft).
    func draftReadingPlan(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let auditID = try readMember(context, in: progress).auditID
        do {
            try await BoardRounds(store: app.store).draftReadingPlan(progress, auditID: auditID, author: coordinator.email,
                                                                     content: { [app] in try await app.content(of: $0) })
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await readingPage(request, context, errors: [["field": "draft", "message": refusal]])
        }
        return WebSecurity.redirect(to: "/admin/rounds/\(progress.round.id)/readings/\(auditID)#plan")
    }

    /// The board's plan for a return it reads, as Word, HTML or the board's XML.
    func readingPlan(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let auditID = try readMember(context, in: progress).auditID
        guard let format = context.parameters.get("format").flatMap(PlanFormat.init(rawValue:)), [.docx, .html, .xml].contains(format),
              let plan = try await app.store.readingPlan(roundID: progress.round.id, auditID: auditID) else { throw HTTPError(.notFound) }
        return Download.response(Array(try format.write(plan)), fileName: "board-\(progress.round.id)-" + format.fileName(plan),
                                 contentType: format.contentType)
    }

    private func readingPage(_ request: Request, _ context: WebRequestContext, errors: [[String: String]]) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let row = try readMember(context, in: progress)
        let auditID = row.auditID
        let csrf = WebSecurity.csrfToken(for: request)
        let rounds = BoardRounds(store: app.store)
        let (crosswalk, reading) = try await rounds.reading(progress, auditID: auditID, content: { [app] in try await app.content(of: $0) })
        let moderating = Moderating(session: try await rounds.readingSession(progress, auditID: auditID, content: { [app] in try await app.content(of: $0) }))
        func figure(_ score: BoardScore?) -> String {
            guard let score, score.percent != nil else { return "unrated" }
            return score.rating.text + (score.moderated.map { " (moderated \($0.label))" } ?? "")
        }
        let lines = reading?.lines.map { line -> [String: Any] in
            let options = ModerationForm.scoreOptions(moderating, .requirement(line.requirementID))
            return ["requirement": line.requirementID, "statement": line.statement, "answered": line.isAnswered, "read": figure(line.score),
             "domID": WebApp.domID(Moderation.Scope.requirement(line.requirementID).description), "scope": "requirement:\(line.requirementID)",
             "options": options, "hasOptions": !options.isEmpty,
             "class": line.score.effectiveRag.map { "rag-\($0.rawValue)" } ?? "",
             "sources": line.sources.map { source -> [String: String] in
                 ["from": source.mapping.from, "figure": figure(source.score), "note": source.mapping.note ?? ""]
             }]
        } ?? []
        let values: [String: Any?] = [
            "title": "\(row.member.organisation), read through \(crosswalk.title)", "csrf": csrf.token,
            "coordinator": coordinator.email, "organisation": row.member.organisation, "board": progress.round.board, "id": progress.round.id,
            "auditID": auditID,
            "crosswalk": crosswalk.title, "crosswalkID": crosswalk.id, "from": crosswalk.fromCatalogue, "to": crosswalk.toCatalogue,
            "held": reading != nil, "lines": lines, "overall": reading.map { figure($0.boardScores.first) },
            "notAnswered": reading?.notAnswered.map { ["requirement": $0.requirementID, "statement": $0.statement] } ?? [],
            "hasErrors": !errors.isEmpty, "errors": errors,
            "plan": try await app.store.readingPlan(roundID: progress.round.id, auditID: auditID).map { plan -> [String: Any] in
                ["objectives": plan.objectives.count, "actions": plan.actions.count, "title": plan.title]
            },
        ]
        return WebSecurity.html(try app.render("admin-round-reading", values.compactMapValues { $0 }), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }

    /// The board report for the board meeting, as a page to print or a Word document.
    func report(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let report = try await BoardRounds(store: app.store).report(progress, content: { [app] in try await app.content(of: $0) })
        let name = "board-report-\(progress.round.year)-\(progress.round.id)"
        if request.uri.path.hasSuffix(".docx") {
            return Download.response(Array(try BoardReportWord().write(report)), fileName: "\(name).docx",
                                     contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        return Download.response(Array(BoardReportHTML().write(report).utf8), fileName: "\(name).html", contentType: "text/html; charset=utf-8")
    }

    private func roundProgress(_ context: WebRequestContext, _ coordinator: Coordinator) async throws -> RoundProgress {
        let round = try await app.round(context, visibleTo: coordinator)
        return try await BoardRounds(store: app.store).progress(roundID: round.id, today: StaffSurveyPage.today())
    }

    func dashboardPage(_ request: Request, _ context: WebRequestContext, notice: String?, errors: [[String: String]]) async throws -> Response {
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let progress = try await roundProgress(context, coordinator)
        let csrf = WebSecurity.csrfToken(for: request)
        let sector = request.uri.queryParameters.get("sector").flatMap { $0.isEmpty ? nil : $0 }
        let shown = progress.members.filter { sector == nil || $0.row.member.sector == sector }
        let stages = RoundStage.allCases
        let picture = try await BoardRounds(store: app.store).picture(progress, sector: sector, content: { [app] in try await app.content(of: $0) })
        func cell(_ score: BoardScore?) -> [String: Any] {
            guard let score else { return ["text": "-", "class": ""] }
            return ["text": score.rating.text + (score.moderatedText.map { " (moderated \($0))" } ?? ""),
                    "class": score.effectiveRag.map { "rag-\($0.rawValue)" } ?? ""]
        }
        // Long lists go a page at a time: the heatmap (?page=) and the organisations (?list=).
        let query = request.uri.queryParameters
        let heatmapPage = ListPage(requested: query.get("page").flatMap { Int($0) }, total: picture?.submitted.count ?? 0)
        let listPage = ListPage(requested: query.get("list").flatMap { Int($0) }, total: shown.count)
        let sectorParameter = sector.map { ["sector=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")] } ?? []
        let path = "/admin/rounds/\(progress.round.id)"
        func pager(_ page: ListPage, _ parameter: String, other: String, _ otherPage: ListPage, label: String) -> [String: Any] {
            var values = page.values(path: path, parameter: parameter, others: sectorParameter + (otherPage.number > 1 ? ["\(other)=\(otherPage.number)"] : []))
            values["label"] = label
            values["size"] = ListPage.size
            return values
        }
        let heatmap = picture?.submitted[heatmapPage.range].map { organisation -> [String: Any] in
            ["organisation": organisation.organisation, "sector": organisation.sector, "overall": cell(organisation.overall),
             "movement": organisation.movement.changeText,
             "cells": picture?.standards.map { cell(organisation.standard($0.id)) } ?? []]
        } ?? []
        let events = try await app.store.challengeEvents(roundID: progress.round.id).map { event -> [String: Any] in
            ["id": progress.round.id, "eventID": event.id, "title": event.title, "heldOn": event.heldOn.spelledOut, "count": event.auditIDs.count]
        }
        let pairings = try await app.store.peerPairings(roundID: progress.round.id).map { pairing -> [String: Any] in
            ["id": progress.round.id, "pairingID": pairing.id, "reviewer": pairing.reviewer, "reviewee": pairing.reviewee,
             "state": pairing.isActive ? "reviewing" : "ended"]
        }
        let values: [String: Any?] = [
            "pairings": pairings,
            "events": events,
            "choices": progress.members.filter { $0.row.crosswalkID == nil }.map { ["auditID": $0.row.auditID, "organisation": $0.row.member.organisation] },
            "hasPicture": picture?.submitted.isEmpty == false, "heatmap": heatmap,
            "heatmapPager": pager(heatmapPage, "page", other: "list", listPage, label: "Pages of the heatmap"),
            "listPager": pager(listPage, "list", other: "page", heatmapPage, label: "Pages of the organisations"),
            "standardIDs": picture?.standards.map { ["id": $0.id, "title": $0.title] } ?? [],
            "spreads": picture?.spreads.map { spread -> [String: Any] in
                ["standard": "\(spread.standardID) \(spread.title)", "counts": Rag.allCases.map { spread.counts[$0] ?? 0 }, "unrated": spread.unrated]
            } ?? [],
            "themes": picture?.themes.map { theme -> [String: Any] in
                let named = theme.organisations.prefix(10).joined(separator: ", ")
                return ["requirement": theme.requirementID, "statement": theme.statement, "count": theme.organisations.count,
                        "organisations": theme.organisations.count > 10 ? "\(named) and \(theme.organisations.count - 10) more" : named]
            } ?? [],
            "staff": picture?.staff.map { staff -> [String: Any] in
                func figure(_ proportion: Proportion?) -> String {
                    proportion?.percentOfTotal ?? "-"
                }
                return ["sectors": staff.sectors, "counted": staff.organisationsCounted, "respondents": staff.respondentsCounted,
                        "leftOut": staff.organisationsLeftOut, "hasLeftOut": staff.organisationsLeftOut > 0,
                        "lines": staff.lines.map { line -> [String: Any] in
                            ["statement": line.text, "partnership": figure(line.partnership), "sectors": staff.sectors.map { figure(line.bySector[$0]) }]
                        }]
            },
            "title": "\(progress.round.board) \(progress.round.year)", "csrf": csrf.token, "coordinator": coordinator.email,
            "board": progress.round.board, "year": progress.round.year, "deadline": progress.round.deadline.spelledOut, "id": progress.round.id,
            "total": progress.members.count, "stages": progress.byStage.map { ["stage": $0.stage.rawValue.capitalisedFirst, "count": $0.count] },
            "stageHeaders": stages.map { $0.rawValue.capitalisedFirst },
            "sectors": progress.bySector.map { sector, counts -> [String: Any] in
                ["sector": sector, "counts": stages.map { counts[$0] ?? 0 }, "query": sector.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""]
            },
            "sector": sector, "members": shown[listPage.range].map { row, stage -> [String: Any] in
                // Absent, not empty: an empty string would still open the template's section.
                let values: [String: Any?] = [
                    "organisation": row.member.organisation, "sector": row.member.sector, "lead": row.member.leadName, "auditID": row.auditID,
                    "returns": "\(row.submittedReturns) of \(row.officers)", "stage": stage.rawValue, "stageClass": stage == .overdue ? "overdue" : "",
                    "held": row.submittedAt != nil && row.crosswalkID == nil, "returnReason": row.returnReason, "crosswalk": row.crosswalkID,
                ]
                return values.compactMapValues { $0 }
            },
            "notice": notice, "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-round", values.compactMapValues { $0 }), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }
}
