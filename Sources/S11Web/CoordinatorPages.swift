import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports
import S11Store
import S11XML

/// The audit coordinator's pages, behind a password: the audits, who has returned (by officer and
/// service area, overdue after the deadline), reopening a return, writing reminders, the
/// scorecard, moderation, the drafted plan and its board XML.
struct CoordinatorPages: Sendable {
    let app: WebApp
    static let sessionCookie = "s11_session"

    // MARK: Signing in and out

    func loginForm(_ request: Request, _ context: WebRequestContext) throws -> Response {
        try loginPage(request, email: "", errors: [], status: .ok)
    }

    /// Signs in: refused unchecked while the account or the address must wait (or the account is
    /// locked), else the password is checked, in the same time whether or not the account exists,
    /// and the attempt recorded (and the lock, when this failure makes one). A refusal writes
    /// nothing, so a flood of them cannot fill the store, and nothing sleeps: it says when to
    /// come back (after a second's pause).
    func login(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        let email = (form.text("email")?.trimmingCharacters(in: .whitespaces) ?? "").lowercased()
        let password = form["password"] ?? ""
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let result = try await S11App(store: app.store).accounts.signIn(email: email, password: password, address: address,
                                                                          throttle: app.throttle) { [passwords = app.passwords] password, hash in
            await passwords.verify(password, hash: hash)
        }
        switch result {
        case .locked, .mustWait, .busy:
            // Every refusal costs the client a second (an asleep task, no thread), so that
            // answering at once does not invite a flood of cheap requests.
            try await Task.sleep(for: app.refusalDelay)
        case .wrongPassword, .signedIn:
            break
        }
        switch result {
        case .locked:
            return app.message(request, title: "This account is locked", paragraphs: [
                "There have been too many wrong passwords for this account. Ask whoever runs s11 to set a new password with 's11 admin create --email ADDRESS'; that unlocks it.",
            ], status: .tooManyRequests)
        case .mustWait(let until):
            let seconds = max(1, Int(until.timeIntervalSinceNow.rounded(.up)))
            var response = app.message(request, title: "Too many wrong passwords", paragraphs: [
                "Wait \(seconds == 1 ? "a second" : seconds < 120 ? "\(seconds) seconds" : "\(seconds / 60) minutes") before you try again. Each further wrong password makes the wait longer.",
            ], status: .tooManyRequests, link: ("/admin/login", "Sign in"))
            response.headers[.retryAfter] = String(seconds)
            return response
        case .busy:
            var response = app.message(request, title: "Too many people are signing in", paragraphs: [
                "s11 is checking a lot of passwords at the moment. Try again in a few seconds.",
            ], status: .tooManyRequests, link: ("/admin/login", "Sign in"))
            response.headers[.retryAfter] = "5"
            return response
        case .wrongPassword:
            return try loginPage(request, email: email, errors: [["field": "email", "message": "Enter a correct e-mail address and password"]],
                                 status: .unauthorized)
        case .signedIn(let token):
            return sessionResponse(token: token, request: request)
        }
    }

    /// Signs the coordinator in: a new session, its cookie, and on to their audits.
    func startSession(email: String, request: Request) async throws -> Response {
        sessionResponse(token: try await app.store.startCoordinatorSession(email: email), request: request)
    }

    /// The session's cookie, and on to the coordinator's audits.
    private func sessionResponse(token: String, request: Request) -> Response {
        var response = WebSecurity.redirect(to: "/admin")
        let secure = request.headers[.init("X-Forwarded-Proto")!] == "https"
        response.headers[values: .setCookie].append("\(Self.sessionCookie)=\(token); Path=/admin; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")")
        return response
    }

    /// The sign-ins, failures and refusals on the accounts the coordinator may see.
    func signIns(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let coordinator = try await app.coordinator(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let formatter = ISO8601DateFormatter()
        let labels: [SignInEvent.Outcome: String] = [.success: "signed in", .failure: "wrong password", .locked: "locked after too many wrong passwords",
                                                     .passwordSet: "new password set"]
        let events = try await app.store.signInEvents(visibleTo: coordinator).map { event -> [String: Any] in
            ["email": event.email, "address": event.address, "at": formatter.string(from: event.at), "outcome": labels[event.outcome] ?? ""]
        }
        let html = try app.render("admin-sign-ins", ["title": "Sign-ins", "csrf": csrf.token, "coordinator": coordinator.email,
                                                      "events": events, "hasEvents": !events.isEmpty,
                                                      "scope": coordinator.organisation.map { "every coordinator of \($0)" } ?? "your own account"])
        return WebSecurity.html(html, request: request, csrf: csrf)
    }

    func logout(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        if let token = request.cookies[Self.sessionCookie]?.value { try await app.store.endCoordinatorSession(token) }
        var response = WebSecurity.redirect(to: "/admin/login")
        response.headers[values: .setCookie].append("\(Self.sessionCookie)=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0")
        return response
    }

    private func loginPage(_ request: Request, email: String, errors: [[String: String]], status: HTTPResponse.Status) throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let html = try app.render("admin-login", ["title": "Sign in", "csrf": csrf.token, "email": email,
                                                   "hasErrors": !errors.isEmpty, "errors": errors])
        return WebSecurity.html(html, status: status, request: request, csrf: csrf)
    }

    // MARK: Pages

    func audits(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let coordinator = try await app.coordinator(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        var audits: [[String: Any]] = []
        for audit in try await app.store.audits(visibleTo: coordinator) {
            let statuses = try await app.store.officerStatuses(auditID: audit.id)
            audits.append(["id": audit.id, "organisation": audit.organisation, "year": audit.year, "officers": statuses.count,
                           "running": !coordinator.isBoard,
                           "submitted": statuses.filter { $0.status == .submitted }.count,
                           "deadline": try await app.store.returnsDue(auditID: audit.id).deadline?.spelledOut ?? "not set"])
        }
        // The returns of other organisations the board asked this one to review, while each review lasts.
        var reviews: [[String: Any]] = []
        if let organisation = coordinator.organisation {
            reviews = try await app.store.peerAssignments(organisation: organisation).map { ["pairingID": $0.id, "reviewee": $0.reviewee] }
        }
        let html = try app.render("admin-audits", ["title": "Audits", "csrf": csrf.token, "coordinator": coordinator.email,
                                                    "scope": coordinator.organisation ?? "every organisation's summaries (board)",
                                                    "audits": audits, "hasAudits": !audits.isEmpty, "reviews": reviews, "hasReviews": !reviews.isEmpty,
                                                    "canOpen": !coordinator.isBoard, "isBoard": coordinator.isBoard])
        return WebSecurity.html(html, request: request, csrf: csrf)
    }

    func audit(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await auditPage(request, context, notice: nil)
    }

    func reopen(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (_, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let email = form.text("email") ?? ""
        do {
            try await app.store.reopenReturn(officerEmail: email, auditID: audit.id)
            return try await auditPage(request, context, notice: "Reopened \(email)'s return: they can change it at their link, and it counts again once they submit it.")
        } catch let error as any UserFacingError {
            return try await auditPage(request, context, notice: error.message)
        }
    }

    func scorecard(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .summary) else { return WebSecurity.redirect(to: "/admin/login") }
        let scoring = try await app.scoring(audit)
        let card = try await scoring.scorecard()
        let staff = try await scoring.staffResults()
        let html = await ScorecardHTML(card: card, gaps: GapFinder().gaps(in: card, staff: staff), catalogue: scoring.content.catalogue,
                                 trail: try app.store.moderationTrail(auditID: scoring.audit.id), staff: staff,
                                 showsOfficers: !coordinator.isBoard).render()
        return WebSecurity.html(html, request: request)
    }

    func moderation(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await moderationPage(request, context, errors: [])
    }

    func moderate(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let moderation = ModerationForm(session: try await app.session(audit))
        switch try await moderation.apply(form, by: coordinator.email, as: .organisation) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/audits/\(audit.id)/moderation#\(field)")
        case .refused(let errors): return try await moderationPage(request, context, errors: errors)
        }
    }

    // MARK: Rendering

    private func auditPage(_ request: Request, _ context: WebRequestContext, notice: String?) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let content = try await app.content(of: audit)
        let statuses = try await app.store.officerStatuses(auditID: audit.id)
        let due = try await app.store.returnsDue(auditID: audit.id)
        let today = StaffSurveyPage.today()
        func overdue(_ status: OfficerStatus) -> Bool {
            guard let deadline = due.deadline else { return false }
            return status.status != .submitted && today > deadline
        }
        let csrf = WebSecurity.csrfToken(for: request)
        let officers = statuses.map { status -> [String: Any] in
            let label = overdue(status) ? "overdue (\(status.status.label))" : status.status.label
            return ["name": status.officer.name, "email": status.officer.email, "serviceArea": status.officer.serviceArea,
                    "role": content.selfAssessment.roleLabel(status.officer.role), "status": label,
                    "statusClass": overdue(status) ? "overdue" : status.status.rawValue,
                    "answered": "\(status.answered)/\(content.questions(forRole: status.officer.role).count)",
                    "reopen": status.status == .submitted, "id": audit.id, "csrf": csrf.token]
        }
        let areas = Dictionary(grouping: statuses, by: \.officer.serviceArea).sorted { $0.key < $1.key }.map { area, group -> [String: Any] in
            ["name": area, "notStarted": group.filter { $0.status == .notStarted }.count,
             "inProgress": group.filter { $0.status == .inProgress }.count,
             "submitted": group.filter { $0.status == .submitted }.count, "overdue": group.filter(overdue).count]
        }
        let values: [String: Any?] = await [
            "tasks": try tasks(audit, statuses: statuses),
            "title": "\(audit.organisation) \(audit.year)", "csrf": csrf.token, "coordinator": coordinator.email, "id": audit.id,
            "organisation": audit.organisation, "year": audit.year, "officerCount": statuses.count,
            "submitted": statuses.filter { $0.status == .submitted }.count, "deadline": due.deadline?.spelledOut,
            "officers": officers, "areas": areas, "notice": notice,
        ]
        return WebSecurity.html(try app.render("admin-audit", values.compactMapValues { $0 }), request: request, csrf: csrf)
    }

    /// The audit's steps in order, each with where it stands, as a GOV.UK task list.
    private func tasks(_ audit: AuditRecord, statuses: [OfficerStatus]) async throws -> [[String: Any]] {
        let base = "/admin/audits/\(audit.id)"
        let officers = statuses.count
        let reached = try await app.store.officersReachedByMail(auditID: audit.id)
        let invited = statuses.filter { reached.contains($0.officer.email.lowercased()) }.count
        let submitted = statuses.filter { $0.status == .submitted }.count
        let staff = try await app.store.staffAnswerSetCount(auditID: audit.id)
        let plan = try await app.store.plan(organisation: audit.organisation, year: audit.year)
        func task(_ name: String, _ href: String, _ state: String, done: Bool) -> [String: Any] {
            ["name": name, "href": href, "state": state, "done": done, "id": WebApp.domID(name)]
        }
        let round = try await app.store.roundMembership(auditID: audit.id)
        let board = round.map { round, member in
            task("Submit to \(round.board)", "\(base)/board", member.submittedAt != nil ? "Submitted" : "Due \(round.deadline.spelledOut)",
                 done: member.submittedAt != nil)
        }
        return [
            task("Officers", "\(base)/officers", officers == 0 ? "Not started" : "\(officers) officer\(officers == 1 ? "" : "s")", done: officers > 0),
            task("Invitations and reminders", "\(base)/invitations",
                 invited == 0 ? "Not started" : invited < officers ? "\(invited) of \(officers) sent" : "Sent", done: officers > 0 && invited == officers),
            task("Officers' returns", "\(base)#returns", "\(submitted) of \(officers) submitted", done: officers > 0 && submitted == officers),
            task("Staff confidence survey", "\(base)/staff", staff == 0 ? "No answers yet" : "\(staff) answers", done: staff > 0),
            task("Scores and moderation", "\(base)/moderation", submitted == 0 ? "Cannot start yet" : "Ready", done: false),
            task("Next year's plan", "\(base)/plan", plan.map { "Version \($0.documentControl.version ?? "as published")" } ?? "Not drafted", done: plan != nil),
            task("Downloads", "\(base)/downloads", plan == nil ? "Report and scores" : "Plan, report and scores", done: false),
        ] + (board.map { [$0] } ?? [])
    }

    private func moderationPage(_ request: Request, _ context: WebRequestContext, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, audit) = try await app.signedIn(request, context, .running) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        var values = try await ModerationForm(session: try await app.session(audit)).values(csrf: csrf.token, action: "/admin/audits/\(audit.id)/moderate")
        values["coordinator"] = coordinator.email
        values["hasErrors"] = !errors.isEmpty
        values["errors"] = errors
        return WebSecurity.html(try app.render("admin-moderation", values), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }
}
