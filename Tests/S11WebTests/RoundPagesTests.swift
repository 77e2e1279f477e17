import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The board opens its round in the browser for its member organisations; each lead sets their
/// password through the invitation, runs their organisation's audit and submits it to the board,
/// which sees where everyone stands and can give a self-assessment back. Each scope is tested.
@Suite struct RoundPagesTests {
    static let members = """
        organisation,sector,lead_name,lead_email
        Thames Valley Police,Police,Sam Reed,sam.reed@tvp.example
        Oxford Health NHS Trust,NHS trust,Ann Lee,ann.lee@oxfordhealth.example
        Cherwell District Council,Local authority,Raj Patel,raj.patel@cherwell.example
        """

    /// The board opens the round from the page; returns the round's id and the mail folder the
    /// leads' invitations were written to.
    func openRound(_ fixture: WebFixture, mail: String, members: String = Self.members) async throws -> (Int64?, Browser.Page) {
        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let list = try await browser.get("/admin/rounds")
            #expect(list.body.contains("Open a round"))
            let opened = try await browser.upload("/admin/rounds", file: ("file", "members.csv", Array(members.utf8)),
                                                  fields: [("board", "Oxfordshire Safeguarding Children Partnership"), ("year", "2027"),
                                                           ("deadline", "2027-03-31")], csrf: list.csrf)
            return (opened.location.flatMap { Int64($0.split(separator: "/").last ?? "") }, opened)
        }
    }

    @discardableResult
    func run<T: Sendable>(_ fixture: WebFixture, mail: String, _ body: @Sendable (Browser) async throws -> T) async throws -> T {
        let settings = AppSettings(baseURL: "https://s11.board.example", mailFolder: mail, contentRoot: WebFixture.packageRoot)
        let app = try await WebApp(app: S11App(store: fixture.store, settings: settings))
        return try await body(Browser(client: RouterClient(app: app)))
    }

    /// The token in the lead's invitation, as they would click it.
    func token(in mail: String, round: Int64, for email: String) throws -> String {
        let message = try String(contentsOfFile: "\(mail)/round-\(round)/\(email.replacingOccurrences(of: "@", with: "_")).eml", encoding: .utf8)
        let line = try #require(message.components(separatedBy: "\r\n").first { $0.hasPrefix("https://s11.board.example/admin/welcome/") })
        return String(line.dropFirst("https://s11.board.example/admin/welcome/".count))
    }

    /// The lead sets their password at their invitation's link and is signed in.
    func setPassword(_ browser: Browser, token: String) async throws {
        let csrf = try await browser.get("/admin/welcome/\(token)").csrf
        let set = try await browser.post("/admin/welcome/\(token)", [("password", CoordinatorTests.password), ("confirm", CoordinatorTests.password)],
                                         csrf: csrf)
        #expect(set.location == "/admin")
        browser.cookie = [browser.cookie, set.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") }
            .map { String($0.split(separator: ";")[0]) }].compactMap { $0 }.joined(separator: "; ")
    }

    @Test func theBoardOpensARoundAndALeadSubmitsToTheBoard() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let (opened, _) = try await openRound(fixture, mail: mail)
        let round = try #require(opened)
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        #expect(try await fixture.store.rounds.members(roundID: round).map(\.member.organisation)
                == ["Cherwell District Council", "Oxford Health NHS Trust", "Thames Valley Police"])
        let token = try token(in: mail, round: round, for: "sam.reed@tvp.example")

        try await run(fixture, mail: mail) { browser in
            // The lead sets a password at the link and is signed in to their own organisation only.
            let welcome = try await browser.get("/admin/welcome/\(token)")
            #expect(welcome.body.contains("Thames Valley Police") && welcome.body.contains("sam.reed@tvp.example"))
            let short = try await browser.post("/admin/welcome/\(token)", [("password", "short"), ("confirm", "short")], csrf: welcome.csrf)
            #expect(short.status == .unprocessableContent && short.body.contains("at least 12 characters"))
            let common = try await browser.post("/admin/welcome/\(token)", [("password", "Password2027!"), ("confirm", "Password2027!")], csrf: welcome.csrf)
            #expect(common.status == .unprocessableContent && common.body.contains("one of the passwords people use most"))
            let named = try await browser.post("/admin/welcome/\(token)", [("password", "sam reed safeguards"), ("confirm", "sam reed safeguards")],
                                               csrf: welcome.csrf)
            #expect(named.status == .unprocessableContent && named.body.contains("contains &quot;reed&quot; from your e-mail address"))
            try await setPassword(browser, token: token)
            #expect(try await browser.get("/admin/welcome/\(token)").status == .notFound)              // once only
            #expect(try await browser.get("/admin/audits/\(fixture.audit.id)").status == .notFound)     // not Riverside's
            #expect(try await browser.get("/admin/rounds").status == .notFound)                         // not the board's pages

            // Submitting needs the declaration and a return in.
            let task = try await browser.get("/admin/audits/\(police.id)")
            #expect(task.body.contains("Submit to Oxfordshire Safeguarding Children Partnership"))
            let page = try await browser.get("/admin/audits/\(police.id)/board")
            let noReturns = try await browser.post("/admin/audits/\(police.id)/board/submit", [("declare", "yes")], csrf: page.csrf)
            #expect(noReturns.status == .unprocessableContent && noReturns.body.contains("No officers are named yet"))
        }
        // An officer's return in, then the lead submits with the declaration.
        try await fixture.store.officers.import([Officer(name: "Kim Ng", email: "kim.ng@tvp.example", role: "dso", serviceArea: "Response")],
                                               auditID: police.id)
        try await fixture.store.returns.save([OfficerReturn(organisation: police.organisation, year: 2027, officerEmail: "kim.ng@tvp.example", answers: [])],
                                            auditID: police.id) { _, _ in .submitted }
        try await run(fixture, mail: mail) { browser in
            let form = try await browser.get("/admin/login")
            let signedIn = try await browser.post("/admin/login", [("email", "sam.reed@tvp.example"), ("password", CoordinatorTests.password)], csrf: form.csrf)
            browser.cookie = [browser.cookie, signedIn.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") }
                .map { String($0.split(separator: ";")[0]) }].compactMap { $0 }.joined(separator: "; ")
            let page = try await browser.get("/admin/audits/\(police.id)/board")
            let undeclared = try await browser.post("/admin/audits/\(police.id)/board/submit", [], csrf: page.csrf)
            #expect(undeclared.status == .unprocessableContent && undeclared.body.contains("Make the declaration"))
            let submitted = try await browser.post("/admin/audits/\(police.id)/board/submit", [("declare", "yes")], csrf: page.csrf)
            #expect(submitted.body.contains("Submitted to the board"))
        }
        // Held by the board: the officers and answers cannot change.
        await #expect(throws: ChangeRules.Refusal.self) {
            try await fixture.store.officers.remove(email: "kim.ng@tvp.example", auditID: police.id)
        }
        await #expect(throws: ChangeRules.Refusal.self) {
            try await fixture.store.returns.saveAnswers([], officerEmail: "kim.ng@tvp.example", auditID: police.id)
        }

        // The board's dashboard: one submitted, two not started; by sector; then it gives it back.
        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let dashboard = try await browser.get("/admin/rounds/\(round)")
            #expect(dashboard.body.contains("<caption>3 member organisations</caption>"))
            #expect(dashboard.body.contains("<tbody><tr><td>2</td><td>0</td><td>1</td><td>0</td></tr></tbody>"))
            #expect(dashboard.body.contains(">Police</a></th><td>0</td><td>0</td><td>1</td><td>0</td></tr>"))
            // What the police submitted is on the heatmap; the others, not submitted, are not.
            #expect(dashboard.body.contains("<th scope=\"row\">Thames Valley Police<br><span class=\"hint\">Police</span></th>"))
            #expect(!dashboard.body.contains("<th scope=\"row\">Cherwell District Council<br>"))
            let csv = try await browser.get("/admin/rounds/\(round)/round.csv")
            #expect(csv.body.hasPrefix("organisation,sector,level,id,percent,rag,moderated_percent,moderated_rag,effective_rag,gap\r\n"))
            #expect(csv.body.contains("Thames Valley Police,Police,overall,") && !csv.body.contains("Cherwell"))
            let xml = try await browser.get("/admin/rounds/\(round)/round.xml")
            #expect(xml.headers[.contentDisposition]?.contains("round-2027-\(round).xml") == true)
            #expect(xml.body.contains("<organisation name=\"Thames Valley Police\" sector=\"Police\" lead=\"Sam Reed\" stage=\"submitted\""))
            #expect(xml.body.contains("<organisation name=\"Cherwell District Council\" sector=\"Local authority\" lead=\"Raj Patel\" stage=\"not-started\""))
            let police = try await browser.get("/admin/rounds/\(round)?sector=Police")
            #expect(police.body.contains("Thames Valley Police") && !police.body.contains("Cherwell District Council</a>"))
            let noReason = try await browser.post("/admin/rounds/\(round)/return", [("audit", "\(try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027).id)")],
                                                  csrf: dashboard.csrf)
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("Say why"))
            let back = try await browser.post("/admin/rounds/\(round)/return", [("audit", "\(try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027).id)"),
                                                                               ("reason", "Evidence missing for standard 3")], csrf: dashboard.csrf)
            #expect(back.body.contains("Returned Thames Valley Police"))
            #expect(back.body.contains("Returned: Evidence missing for standard 3"))
        }
        try await fixture.store.officers.remove(email: "kim.ng@tvp.example", auditID: police.id)          // the organisation's again
    }

    /// The scopes: an organisation's coordinator sees no round; a board user cannot submit for an
    /// organisation; a link from one invitation signs nobody in to another organisation.
    @Test func eachScopeIsKept() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await openRound(fixture, mail: mail).0)
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signIn(browser)                                        // Riverside's coordinator
            #expect(try await browser.get("/admin/rounds").status == .notFound)
            #expect(try await browser.get("/admin/rounds/\(round)").status == .notFound)
            #expect(try await browser.get("/admin/rounds/\(round)/round.csv").status == .notFound)
            #expect(try await browser.get("/admin/rounds/\(round)/round.xml").status == .notFound)
            #expect(try await browser.get("/admin/rounds/\(round)/report.html").status == .notFound)
            #expect(try await browser.get("/admin/rounds/\(round)/report.docx").status == .notFound)
            let page = try await browser.get("/admin")
            #expect(try await browser.post("/admin/rounds/\(round)/return", [("audit", "\(police.id)"), ("reason", "x")], csrf: page.csrf).status == .notFound)
            #expect(try await browser.get("/admin/audits/\(police.id)/board").status == .notFound)
            #expect(try await browser.post("/admin/audits/\(police.id)/board/submit", [("declare", "yes")], csrf: page.csrf).status == .notFound)
        }
        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let page = try await browser.get("/admin")
            #expect(try await browser.post("/admin/audits/\(police.id)/board/submit", [("declare", "yes")], csrf: page.csrf).status == .notFound)
        }
        #expect(try await fixture.store.rounds.membership(auditID: police.id)?.member.submittedAt == nil)
    }

    /// The board schedules a challenge event for one organisation; its panel scores a requirement on
    /// the survey's own scale, with a reason; the feedback letter drafts itself from that and goes
    /// to the lead. An organisation not at the event, or a coordinator, cannot reach it.
    @Test func aChallengeEventModeratesOnTheScaleAndWritesToTheLead() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await openRound(fixture, mail: mail).0)
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        let health = try await fixture.store.audits.named(organisation: "Oxford Health NHS Trust", year: 2027)
        try await returnIn(fixture, police, officer: "kim.ng@tvp.example")
        let event: Int64 = try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            // The round's page links to the event's own form, which lists the organisations; the round's page does not.
            let roundPage = try await browser.get("/admin/rounds/\(round)")
            #expect(roundPage.body.contains("href=\"/admin/rounds/\(round)/events/new\">Schedule a challenge event</a>")
                    && !roundPage.body.contains("id=\"audit-\(police.id)\""))
            let page = try await browser.get("/admin/rounds/\(round)/events/new")
            #expect(page.body.contains("id=\"audit-\(police.id)\"") && page.body.contains("href=\"/admin/rounds/\(round)\">Back to the round</a>"))
            // A sector chosen lists its organisations only.
            let nhs = try await browser.get("/admin/rounds/\(round)/events/new?sector=NHS%20trust")
            #expect(nhs.body.contains("id=\"audit-\(health.id)\"") && !nhs.body.contains("id=\"audit-\(police.id)\""))
            // Listing another sector keeps what was typed and what was ticked in the sector listed before; nothing is scheduled.
            let listed = try await browser.post("/admin/rounds/\(round)/events", [("title", "Health and police"), ("heldOn", "2027-04-20"),
                                                                                  ("panel", "Jo Smith"), ("audit-\(health.id)", "yes"),
                                                                                  ("sector", "Police"), ("action", "list")], csrf: nhs.csrf)
            #expect(listed.status == .ok && listed.body.contains("value=\"Health and police\"") && listed.body.contains("value=\"2027-04-20\"")
                    && listed.body.contains("value=\"Jo Smith\""))
            #expect(listed.body.contains("id=\"audit-\(police.id)\"") && !listed.body.contains("id=\"audit-\(health.id)\"")
                    && listed.body.contains("<input type=\"hidden\" name=\"audit-\(health.id)\" value=\"yes\">")
                    && listed.body.contains("1 organisation chosen, 1 of them not listed here."))
            #expect(try await fixture.store.events.all(roundID: round).isEmpty)
            let none = try await browser.post("/admin/rounds/\(round)/events", [("title", "Health and police"), ("heldOn", "2027-04-20"),
                                                                                ("panel", "Jo Smith; Raj Patel")], csrf: page.csrf)
            #expect(none.status == .unprocessableContent && none.body.contains("Choose at least one organisation"))
            // What was typed comes back with the error, the organisations ticked still ticked.
            #expect(none.body.contains("value=\"Health and police\"") && none.body.contains("value=\"Jo Smith; Raj Patel\""))
            let badDay = try await browser.post("/admin/rounds/\(round)/events", [("title", "Police"), ("heldOn", "20 April"), ("panel", "Jo"),
                                                                                  ("audit-\(police.id)", "yes")], csrf: page.csrf)
            #expect(badDay.status == .unprocessableContent && badDay.body.contains("Write the day of the event as YYYY-MM-DD")
                    && badDay.body.contains("name=\"audit-\(police.id)\" value=\"yes\" checked"))
            let made = try await browser.post("/admin/rounds/\(round)/events", [("title", "Health and police"), ("heldOn", "2027-04-20"),
                                                                                ("panel", "Jo Smith; Raj Patel"), ("audit-\(police.id)", "yes")],
                                              csrf: page.csrf)
            let location = try #require(made.location)
            let event = try #require(Int64(location.split(separator: "/").last ?? ""))
            let eventPage = try await browser.get(location)
            #expect(eventPage.body.contains("Panel: Jo Smith, Raj Patel.") && eventPage.body.contains("Thames Valley Police"))
            // Only the organisations at the event can be moderated through it.
            #expect(try await browser.get("\(location)/audits/\(health.id)").status == .notFound)
            let list = try await browser.get("\(location)/audits/\(police.id)")
            #expect(list.body.contains("href=\"\(location)/audits/\(police.id)/item?scope=requirement%3AS2%2E1\""))
            let moderation = try await browser.get("\(location)/audits/\(police.id)/item?scope=requirement%3AS2.1")
            #expect(moderation.body.contains("action=\"\(location)/audits/\(police.id)/moderate\""))
            #expect(moderation.body.contains("<option value=\"none\">Withdraw</option>") && moderation.body.contains("<option value=\"mostly\">"))
            // The board reads the answers by service area, never by officer; the police's one
            // officer's area is too small to name.
            #expect(moderation.body.contains("<th scope=\"col\">Service area</th>") && moderation.body.contains("<td>A service area too small to name")
                    && !moderation.body.contains("Response") && !moderation.body.contains("Kim Ng"))
            let scored = try await browser.post("\(location)/audits/\(police.id)/moderate",
                                                [("scope", "requirement:S2.1"), ("score", "mostly"), ("reason", "The 2026 review was seen at the event")],
                                                csrf: moderation.csrf)
            #expect(scored.status == .seeOther)
            let letter = try await browser.get("\(location)/audits/\(police.id)/letter")
            #expect(letter.body.contains("Requirement S2.1: self-assessed 33.3% Red, moderated to Amber (score mostly). The 2026 review was seen at the event"))
            #expect(letter.body.contains("Please send the board your action plan for these areas by 15 June 2027."))
            let sent = try await browser.post("\(location)/audits/\(police.id)/letter", [("letter", "Dear Sam,\nThank you. <Edited>")], csrf: letter.csrf)
            #expect(sent.body.contains("Written to the server&#39;s mail folder") || sent.body.contains("Written to the server's mail folder"))
            return event
        }
        let written = try String(contentsOfFile: "\(mail)/event-\(event)/sam.reed_tvp.example.eml", encoding: .utf8)
        #expect(written.contains("To: Sam Reed <sam.reed@tvp.example>") && written.contains("Dear Sam,\r\nThank you. <Edited>"))
        let trail = try await fixture.store.moderation.trail(auditID: police.id)
        #expect(trail.last?.by == "board@board.example (Health and police)" && trail.last?.newOption == "mostly")
        // An organisation's coordinator cannot reach the event.
        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signIn(browser)
            #expect(try await browser.get("/admin/rounds/\(round)/events/\(event)").status == .notFound)
            let page = try await browser.get("/admin")
            #expect(try await browser.post("/admin/rounds/\(round)/events/\(event)/audits/\(police.id)/moderate",
                                           [("scope", "requirement:S2.1"), ("rating", "red"), ("reason", "x")], csrf: page.csrf).status == .notFound)
        }
    }

    /// A bad list opens nothing: every problem is listed with its row and column.
    /// One officer of `audit`, in the Response service, whose return is in: Q2.1 partially met, with evidence.
    func returnIn(_ fixture: WebFixture, _ audit: AuditRecord, officer: String) async throws {
        try await fixture.store.officers.import([Officer(name: "Kim Ng", email: officer, role: "dso", serviceArea: "Response")], auditID: audit.id)
        try await fixture.store.returns.save([OfficerReturn(organisation: audit.organisation, year: audit.year, officerEmail: officer,
                                                           answers: [Answer(questionID: "Q2.1", choice: .option("partially"), evidence: "Policy 2019")])],
                                            auditID: audit.id) { _, _ in .submitted }
    }

    /// A return and staff answers for `organisation` in the 2027 round, submitted to the board by its lead.
    func submitWithStaff(_ fixture: WebFixture, _ organisation: String, officer: String, staff agreeing: [Bool]) async throws {
        let audit = try await fixture.store.audits.named(organisation: organisation, year: 2027)
        try await returnIn(fixture, audit, officer: officer)
        try await fixture.store.staff.saveResponses(agreeing.map { StaffResponse(profile: ["service-area": "other"], answers: ["SC01": $0 ? "agree" : "disagree"]) },
                                                   auditID: audit.id)
        try await fixture.app.rounds.submit(auditID: audit.id, by: "lead", declaration: BoardRounds.standardDeclaration)
    }

    /// Adds a board user of `board` and signs the browser in as them.
    func signIn(_ browser: Browser, _ fixture: WebFixture, boardUserOf board: String, email: String) async throws {
        try await fixture.store.accounts.save(email: email, passwordHash: CoordinatorPassword.hash(CoordinatorTests.password, cost: 4),
                                                organisation: nil, board: board)
        try await OrganisationScopeTests().signIn(browser, as: email)
    }

    @Test func aBoardUserSeesTheirOwnBoardsRoundsAndMembersOnly() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await openRound(fixture, mail: mail).0)
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        try await fixture.store.officers.import([Officer(name: "Kim Ng", email: "kim.ng@tvp.example", role: "dso", serviceArea: "Response")],
                                               auditID: police.id)
        let event = try await fixture.app.rounds.scheduleEvent(roundID: round, title: "Police", heldOn: CalendarDate(iso: "2027-04-20")!,
                                                               panel: ["Jo"], auditIDs: [police.id], by: "board")
        let pairing = try await fixture.app.peers.pair(roundID: round, reviewerAuditID: police.id,
                                                       revieweeAuditID: try await fixture.store.audits.named(organisation: "Cherwell District Council", year: 2027).id,
                                                       by: "board")
        // Oxfordshire's own board user sees its round and members.
        try await run(fixture, mail: mail) { browser in
            try await signIn(browser, fixture, boardUserOf: "Oxfordshire Safeguarding Children Partnership", email: "unit@oscb.example")
            #expect(try await browser.get("/admin/rounds").body.contains("href=\"/admin/rounds/\(round)\""))
            #expect(try await browser.get("/admin/rounds/\(round)").status == .ok)
            #expect(try await browser.get("/admin/audits/\(police.id)/scorecard").status == .ok)
            #expect(try await browser.get("/admin").body.contains("Thames Valley Police"))
            #expect(!(try await browser.get("/admin").body.contains("Riverside District Council")))     // in no round of this board
        }
        // Another board's user sees none of it.
        try await run(fixture, mail: mail) { browser in
            try await signIn(browser, fixture, boardUserOf: "Buckinghamshire Safeguarding Children Partnership", email: "unit@bscb.example")
            let list = try await browser.get("/admin/rounds")
            #expect(!list.body.contains("href=\"/admin/rounds/\(round)\"") && list.body.contains("For Buckinghamshire Safeguarding Children Partnership."))
            for path in ["", "/round.csv", "/round.xml", "/report.html", "/report.docx", "/events/\(event.id)", "/events/\(event.id)/audits/\(police.id)",
                         "/events/\(event.id)/audits/\(police.id)/letter", "/peers/\(pairing.id)", "/events/new", "/peers/new"] {
                #expect(try await browser.get("/admin/rounds/\(round)\(path)").status == .notFound, "\(path)")
            }
            for (path, fields) in [("/return", [("audit", "\(police.id)"), ("reason", "x")]), ("/events", [("title", "x"), ("heldOn", "2027-04-20"), ("panel", "x")]),
                                   ("/peers", [("reviewer", "\(police.id)"), ("reviewee", "\(police.id)")]), ("/peers/\(pairing.id)/end", []),
                                   ("/events/\(event.id)/audits/\(police.id)/moderate", [("scope", "requirement:S2.1"), ("rating", "red"), ("reason", "x")])] {
                #expect(try await browser.post("/admin/rounds/\(round)\(path)", fields, csrf: list.csrf).status == .notFound, "\(path)")
            }
            #expect(try await browser.get("/admin/audits/\(police.id)/scorecard").status == .notFound)
            #expect(!(try await browser.get("/admin").body.contains("Thames Valley Police")))
        }
        #expect(try await fixture.store.peers.pairing(id: pairing.id)?.isActive == true)
        #expect(try await fixture.store.moderation.ratings(auditID: police.id).isEmpty)
    }

    @Test func theDashboardShowsMovementAndTheStaffSurveyWithSmallGroupsLeftOut() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        // Last year's round, in which the police submitted 40% overall.
        let rounds = fixture.app.rounds
        let lastYear = try await rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2026, deadline: CalendarDate(iso: "2026-03-31")!,
                                             root: WebFixture.packageRoot, surveyID: nil,
                                             membersCSV: "organisation,sector,lead_name,lead_email\nThames Valley Police,Police,Sam Reed,sam.reed@tvp.example\n",
                                             file: "members.csv", by: "board")
        let police2026 = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2026)
        try await fixture.store.rounds.submitToBoard(auditID: police2026.id, by: "Sam Reed", declaration: "x") { _ in
            [BoardScore(kind: .overall, scopeID: "", percent: 40, rag: .red, moderated: nil, isGap: false)]
        }
        #expect(lastYear.round.year == 2026)

        let round = try #require(try await openRound(fixture, mail: mail).0)
        // The police's six staff answered (four agree with SC01); the trust's two are too few to show.
        try await submitWithStaff(fixture, "Thames Valley Police", officer: "kim.ng@tvp.example", staff: [true, true, true, true, false, false])
        try await submitWithStaff(fixture, "Oxford Health NHS Trust", officer: "lee@oxfordhealth.example", staff: [true, false])
        let police = try #require(try await fixture.store.rounds.boardScores(roundID: round)[try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027).id])
        let overall = try #require(police.first { $0.kind == .overall }?.percent)
        let health = try await fixture.store.audits.named(organisation: "Oxford Health NHS Trust", year: 2027)
        #expect(try await fixture.store.rounds.boardScores(roundID: round)[health.id]?.contains { $0.kind == .staffStatement } == false)

        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let page = try await browser.get("/admin/rounds/\(round)")
            #expect(page.body.contains("<td title=\"\(ScoreMovement.Line(standardID: "overall", previous: 40, current: overall).changeText)\">"))
            #expect(page.body.contains("Overall changed since last year (1)"))
            #expect(overall != 40)
            #expect(page.body.contains("Staff confidence survey across the partnership"))
            #expect(page.body.contains("Counted: 1 organisation, 6 staff.") && page.body.contains("too few of their staff answered"))
            #expect(page.body.contains("<td>66.7% of 6</td>"))
            #expect(!page.body.contains("50% of 2") && !page.body.contains("% of 8"))
            // The board report shows the same, as a page and as a Word document.
            let report = try await browser.get("/admin/rounds/\(round)/report.html")
            #expect(report.status == .ok && report.body.contains("Staff confidence survey across the partnership") && report.body.contains("66.7% of 6"))
            let word = try await browser.get("/admin/rounds/\(round)/report.docx")
            #expect(word.status == .ok && word.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        // The round's XML carries the same, validated under round.xsd as it is written.
        let xml = String(decoding: try await rounds.xml(try await rounds.progress(roundID: round, today: CalendarDate(iso: "2027-04-01")!)), as: UTF8.self)
        let compact = xml.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")
        #expect(compact.contains("<staff respondents=\"6\"><statement ref=\"SC01\" answered=\"6\" agreeing=\"4\"") && compact.contains("<staff respondents=\"2\"/>"))
    }

    @Test func aBadListOpensNoRound() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let (round, page) = try await openRound(fixture, mail: mail, members: """
            organisation,sector,lead_name,lead_email
            Thames Valley Police,Police,Sam Reed,not-an-address
            Thames Valley Police,Police,Sam Reed,sam@tvp.example
            """)
        #expect(round == nil && page.status == .unprocessableContent)
        #expect(page.body.contains("members.csv was not used: 2 problems"))
        #expect(page.body.contains("<td>2</td><td>D (lead_email)</td><td>row 2: &#39;not-an-address&#39; is not an e-mail address</td>"))
        #expect(try await fixture.store.rounds.all().isEmpty)
        #expect(try await fixture.store.audits.all().count == 1)
    }
}
