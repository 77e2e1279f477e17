import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The coordinator signs in, watches returns come in, reopens one, writes reminders and moderates.
@Suite struct CoordinatorTests {
    static let password = "correct horse battery staple"

    func fixtureWithCoordinator() async throws -> WebFixture {
        let fixture = try await WebFixture()
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                         organisation: fixture.audit.organisation)
        return fixture
    }

    func signIn(_ browser: Browser) async throws {
        let form = try await browser.get("/admin/login")
        let signedIn = try await browser.post("/admin/login", [("email", "lead@riverside.example"), ("password", Self.password)], csrf: form.csrf)
        #expect(signedIn.location == "/admin")
        let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") })
        #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
        browser.cookie = [browser.cookie, String(session.split(separator: ";")[0])].compactMap { $0 }.joined(separator: "; ")
    }

    /// Adds a board user and signs the browser in as them.
    func signInAsBoard(_ browser: Browser, _ fixture: WebFixture) async throws {
        try await fixture.store.accounts.save(email: "board@board.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                         organisation: nil)
        let form = try await browser.get("/admin/login")
        let signedIn = try await browser.post("/admin/login", [("email", "board@board.example"), ("password", Self.password)], csrf: form.csrf)
        browser.cookie = [browser.cookie, signedIn.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") }
            .map { String($0.split(separator: ";")[0]) }].compactMap { $0 }.joined(separator: "; ")
    }

    @Test func pagesNeedASignInAndAWrongPasswordSaysNothingMore() async throws {
        let fixture = try await fixtureWithCoordinator()
        try await fixture.run { browser in
            #expect(try await browser.get("/admin").location == "/admin/login")
            #expect(try await browser.get("/admin/audits/\(fixture.audit.id)/plan.xml").location == "/admin/login")
            let form = try await browser.get("/admin/login")
            let wrong = try await browser.post("/admin/login", [("email", "lead@riverside.example"), ("password", "guess")], csrf: form.csrf)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Enter a correct e-mail address and password"))
            let nobody = try await browser.post("/admin/login", [("email", "nobody@riverside.example"), ("password", Self.password)], csrf: form.csrf)
            #expect(nobody.status == .unauthorized)
            #expect(nobody.body.contains("Enter a correct e-mail address and password"))       // the same words: no account probing
            let forged = try await browser.post("/admin/login", [("email", "lead@riverside.example"), ("password", Self.password)], csrf: "x")
            #expect(forged.status == .forbidden)
        }
        #expect(try await fixture.store.accounts.passwordHash(email: "lead@riverside.example")?.hasPrefix("$2") == true)   // bcrypt, not the password
    }

    @Test func theDashboardShowsWhoHasReturnedAndReopensAReturn() async throws {
        let fixture = try await fixtureWithCoordinator()
        try await fixture.store.returns.setDue(auditID: fixture.audit.id, deadline: CalendarDate(iso: "2020-01-31"), contact: nil)
        // Owen submits everything; Gareth has not started.
        let owen = fixture.questions(for: "owen.price@riverside.example")
        try await fixture.store.returns.saveAnswers(owen.map { Answer(questionID: $0.id, choice: .option("fully"), evidence: "Minutes") },
                                      officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        _ = try await fixture.store.returns.submit(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id) { _ in [String]() }
        try await fixture.run { browser in
            try await signIn(browser)
            let list = try await browser.get("/admin")
            #expect(list.body.contains("Riverside District Council"))
            #expect(list.body.contains("1 of 2 submitted"))
            let audit = try await browser.get("/admin/audits/\(fixture.audit.id)")
            #expect(audit.body.contains("overdue (not started)"))                       // Gareth, past the deadline
            #expect(audit.body.contains("Gareth &lt;b&gt;Lloyd&lt;/b&gt;"))             // escaped
            #expect(!audit.body.contains("<b>Lloyd</b>"))
            // Reopen asks first, saying what happens to the return.
            let ask = "/admin/audits/\(fixture.audit.id)/reopen?email=owen%2Eprice%40riverside%2Eexample"
            #expect(audit.body.contains("href=\"\(ask)\""))
            let confirm = try await browser.get(ask)
            #expect(confirm.status == .ok && confirm.body.contains("Reopen Owen Price&#39;s return?") && confirm.body.contains("must submit again"))
            #expect(confirm.body.contains("<input type=\"hidden\" name=\"email\" value=\"owen.price@riverside.example\">"))
            #expect(try await browser.get("/admin/audits/\(fixture.audit.id)/reopen?email=gareth.lloyd%40riverside.example").status == .notFound)
            #expect(confirm.body.contains("<textarea id=\"reason\" name=\"reason\""))
            // No reason, no reopening: the officer is sent the reason.
            let unexplained = try await browser.post("/admin/audits/\(fixture.audit.id)/reopen", [("email", "owen.price@riverside.example"), ("reason", " ")],
                                                     csrf: confirm.csrf)
            #expect(unexplained.status == .unprocessableContent && unexplained.body.contains("Say why the return is reopened"))
            #expect(try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id).status == .submitted)
            let reopened = try await browser.post("/admin/audits/\(fixture.audit.id)/reopen",
                                                  [("email", "owen.price@riverside.example"), ("reason", "S1.1 needs the board minutes <as evidence>")],
                                                  csrf: confirm.csrf)
            #expect(reopened.body.contains("Reopened owen.price@riverside.example&#39;s return: the message with your reason was written to "))
            // Owen's return as he answered it, with its history: submitted, reopened and why, the message he was sent.
            #expect(reopened.body.contains("href=\"/admin/audits/\(fixture.audit.id)/officers/return?email=owen%2Eprice%40riverside%2Eexample\">Owen Price</a>"))
            let answered = try await browser.get("/admin/audits/\(fixture.audit.id)/officers/return?email=owen.price%40riverside.example")
            #expect(answered.body.contains("<h1>Owen Price&#39;s return</h1>") && answered.body.contains("Evidence: Minutes"))
            #expect(answered.body.contains("Reopened by lead@riverside.example: \u{201C}S1.1 needs the board minutes &lt;as evidence&gt;\u{201D}"))
            #expect(answered.body.contains("Submitted by the officer") && answered.body.contains("Told the return is open again sent to owen.price@riverside.example"))
            let history = try #require(answered.body.components(separatedBy: "<h2>History</h2>").last?.components(separatedBy: "</ul>").first)
            #expect(try #require(history.range(of: "Reopened")).lowerBound < (try #require(history.range(of: "Submitted by"))).lowerBound, "newest first")
            #expect(MomentsOnPage.raw(in: answered.body).isEmpty && MomentsOnPage.inWords(in: answered.body))
            #expect(try await browser.get("/admin/audits/\(fixture.audit.id)/officers/return?email=nobody%40riverside.example").status == .notFound)
        }
        #expect(try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id).status == .inProgress)
        // The message Owen is sent: the reason in the lead's words, and a link that opens his return.
        let written = try #require(FileManager.default.enumerator(atPath: fixture.mailFolder.path)?.compactMap { $0 as? String }.first { $0.hasSuffix(".eml") })
        let message = try String(contentsOf: fixture.mailFolder.appendingPathComponent(written), encoding: .utf8)
        #expect(message.contains("Subject: Your 2026 safeguarding self-assessment return for Riverside District Council is open again"))
        #expect(message.contains("lead@riverside.example has opened your 2026 safeguarding self-assessment return") && message.contains("S1.1 needs the board minutes <as evidence>"))
        let token = try #require(message.components(separatedBy: "/r/").dropFirst().first?.prefix { !$0.isWhitespace })
        #expect(try await fixture.store.officers.find(token: String(token))?.officer.email == "owen.price@riverside.example")
        #expect(try await fixture.app.session(fixture.audit).lastMessages()["owen.price@riverside.example"]?.kind == .reopened)
    }

    /// An invitation written, then the officer's return stored from a file a moment later (the
    /// example does both in one second): the return's history puts the later step first.
    @Test func aReturnsHistoryIsNewestFirstEvenWithinASecond() async throws {
        let fixture = try await fixtureWithCoordinator()
        try await fixture.run { browser in
            try await signIn(browser)
            let page = try await browser.get("/admin/audits/\(fixture.audit.id)/invitations")
            _ = try await browser.post("/admin/audits/\(fixture.audit.id)/invitations/send", [("kind", "invitation")], csrf: page.csrf)
            let owen = fixture.questions(for: "owen.price@riverside.example")
            try await fixture.store.returns.save([OfficerReturn(organisation: fixture.audit.organisation, year: fixture.audit.year,
                                                                officerEmail: "owen.price@riverside.example",
                                                                answers: owen.map { Answer(questionID: $0.id, choice: .option("fully"), evidence: "Minutes") })],
                                                 auditID: fixture.audit.id) { _, _ in .submitted }
            let history = try await browser.get("/admin/audits/\(fixture.audit.id)/officers/return?email=owen.price%40riverside.example").body
            let stored = try #require(history.range(of: "Stored from a return file")), invited = try #require(history.range(of: "Invitation sent"))
            #expect(stored.lowerBound < invited.lowerBound, "newest first")
        }
    }

    @Test func remindersAreWrittenOnlyForOfficersWhoHaveNotSubmitted() async throws {
        let fixture = try await fixtureWithCoordinator()
        let owen = fixture.questions(for: "owen.price@riverside.example")
        try await fixture.store.returns.saveAnswers(owen.map { Answer(questionID: $0.id, choice: .option("fully"), evidence: "Minutes") },
                                      officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        _ = try await fixture.store.returns.submit(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id) { _ in [String]() }
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-mail-\(UUID().uuidString)").path
        let settings = AppSettings(baseURL: "https://s11.riverside.example", mailFolder: mail)
        let app = try await WebApp(app: S11App(store: fixture.store, settings: settings))
        do {
            let browser = Browser(client: RouterClient(app: app))
            try await signIn(browser)
            let page = try await browser.get("/admin/audits/\(fixture.audit.id)/invitations")
            #expect(page.body.contains("Write reminders to 1 officer<"))
            let written = try await browser.post("/admin/audits/\(fixture.audit.id)/invitations/send", [("kind", "reminder")], csrf: page.csrf)
            #expect(written.body.contains("1 reminder was written to"))
            #expect(written.body.contains("gareth.lloyd@riverside.example") && written.body.contains("reminder, "))
            #expect(MomentsOnPage.raw(in: written.body).isEmpty && MomentsOnPage.inWords(in: written.body), "when it went, in words")
            // The link the officer was sent first still opens their return: a reminder adds a link, it revokes none.
            let first = try #require(fixture.links["gareth.lloyd@riverside.example"])
            #expect(try await browser.get("/r/\(first)").location?.hasPrefix("/r/\(first)/") == true)
        }
        #expect(try await fixture.store.mail.records(auditID: fixture.audit.id).map(\.officerEmail) == ["gareth.lloyd@riverside.example"])
        let folders = try FileManager.default.contentsOfDirectory(atPath: mail)
        let folder = try #require(folders.first)
        let message = try String(contentsOfFile: "\(mail)/\(folder)/gareth.lloyd_riverside.example.eml", encoding: .utf8)
        #expect(message.contains("Subject: Reminder: your 2026 safeguarding self-assessment return"))
        #expect(message.contains("https://s11.riverside.example/r/"))
    }

    /// A mail program that accepts every message but the ones to `refusing`, and keeps what it was given.
    final class FakeMailProgram: MailDelivery, @unchecked Sendable {
        let refusing: String
        private let lock = NSLock()
        private var given: [(to: String, message: String)] = []
        init(refusing: String) { self.refusing = refusing }
        var messages: [(to: String, message: String)] { lock.withLock { given } }
        func deliver(_ message: Data, to recipient: String) -> MailDeliveryOutcome {
            lock.withLock { given.append((recipient, String(decoding: message, as: UTF8.self))) }
            return recipient == refusing ? MailDeliveryOutcome(accepted: false, detail: "relay said 550 no such mailbox")
                : MailDeliveryOutcome(accepted: true, detail: "")
        }
    }

    @Test func invitationsGoToTheMailProgramAndAFailureIsShownAndSentAgain() async throws {
        let fixture = try await fixtureWithCoordinator()
        let program = FakeMailProgram(refusing: "gareth.lloyd@riverside.example")
        let app = try await WebApp(app: S11App(store: fixture.store, settings: AppSettings(
            baseURL: "https://s11.riverside.example", mailFrom: "Riverside safeguarding <audit@riverside.example>", delivery: program)))
        let browser = Browser(client: RouterClient(app: app))
        try await signIn(browser)
        let page = try await browser.get("/admin/audits/\(fixture.audit.id)/invitations")
        #expect(page.body.contains("Send invitations to 2 officers<"))
        // The message to read before it goes, as the officer reads it: no MIME headers.
        #expect(page.body.contains("Subject: Safeguarding self-assessment 2026") && !page.body.contains("MIME-Version")
                && !page.body.contains("Content-Transfer-Encoding"))
        #expect(page.body.contains("(their-own-link)"))                                   // the preview, before anything goes
        #expect(program.messages.isEmpty)
        let sent = try await browser.post("/admin/audits/\(fixture.audit.id)/invitations/send", [("kind", "invitation")], csrf: page.csrf)
        #expect(sent.status == .unprocessableContent)
        #expect(sent.body.contains("The invitation to gareth.lloyd@riverside.example was not sent: relay said 550 no such mailbox"))
        #expect(program.messages.count == 2)
        #expect(program.messages.allSatisfy { $0.message.contains("From: Riverside safeguarding <audit@riverside.example>") })
        // Owen's link in his message opens his return; nothing of the link is stored but its hash.
        let owenMessage = try #require(program.messages.first { $0.to == "owen.price@riverside.example" }?.message)
        let link = try #require(owenMessage.split(separator: "\r\n").first { $0.hasPrefix("https://s11.riverside.example/r/") })
        let token = String(link.split(separator: "/").last!)
        #expect(try await fixture.store.officers.find(token: token)?.officer.email == "owen.price@riverside.example")
        // Only the one that failed is due again; sending again reaches Gareth alone.
        let after = try await browser.get("/admin/audits/\(fixture.audit.id)/invitations")
        #expect(after.body.contains("Send invitations to 1 officer<"))
        #expect(after.body.contains("not sent"))
        _ = try await browser.post("/admin/audits/\(fixture.audit.id)/invitations/send", [("kind", "invitation")], csrf: page.csrf)
        #expect(program.messages.count == 3 && program.messages.last?.to == "gareth.lloyd@riverside.example")
        let records = try await fixture.store.mail.records(auditID: fixture.audit.id)
        #expect(records.count == 3 && records.filter(\.accepted).count == 1)

        // A link forwarded: stopping Owen's links asks first; then his old link fails and the new one works.
        let replace = "/admin/audits/\(fixture.audit.id)/invitations/replace?email=owen%2Eprice%40riverside%2Eexample"
        #expect(after.body.contains("href=\"\(replace)\""))
        let ask = try await browser.get(replace)
        #expect(ask.body.contains("Stop Owen Price&#39;s links and send a new one?") && ask.body.contains("stops working at once"))
        #expect(try await fixture.store.officers.find(token: token) != nil)                  // asking stops nothing
        let stopped = try await browser.post("/admin/audits/\(fixture.audit.id)/invitations/send",
                                             [("kind", "invitation"), ("email", "owen.price@riverside.example"), ("replace", "yes")], csrf: page.csrf)
        #expect(stopped.body.contains("Stopped the links owen.price@riverside.example had. Sent 1 invitation"))
        #expect(try await fixture.store.officers.find(token: token) == nil)
        let newest = try #require(program.messages.last { $0.to == "owen.price@riverside.example" }?.message)
        let fresh = try #require(newest.split(separator: "\r\n").first { $0.hasPrefix("https://s11.riverside.example/r/") }?.split(separator: "/").last)
        #expect(try await fixture.store.officers.find(token: String(fresh))?.officer.email == "owen.price@riverside.example")
    }

    @Test func moderationFromThePageIsRecordedWithWhoAndWhy() async throws {
        let fixture = try await fixtureWithCoordinator()
        try await fixture.run { browser in
            try await signIn(browser)
            let page = try await browser.get("/admin/audits/\(fixture.audit.id)/moderation")
            #expect(page.body.contains("Standard 1."))
            #expect(page.body.contains("href=\"/admin/audits/\(fixture.audit.id)/moderation/item?scope=requirement%3AS2%2E1\""))
            let missing = try await browser.post("/admin/audits/\(fixture.audit.id)/moderate",
                                                 [("scope", "requirement:S2.1"), ("rating", "amber")], csrf: page.csrf)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("Say why, for requirement S2.1"))
            #expect(missing.body.contains("<h1>S2.1 ") && missing.body.contains("<h2>The answers</h2>"))      // back on the requirement's own page
            let saved = try await browser.post("/admin/audits/\(fixture.audit.id)/moderate",
                                               [("scope", "requirement:S2.1"), ("rating", "amber"), ("reason", "Policy <out of date>")],
                                               csrf: page.csrf)
            #expect(saved.status == .seeOther)
            // Back on the page, it says what was saved.
            let back = try await browser.get(String(try #require(saved.location?.split(separator: "#").first)))
            #expect(back.body.contains("<div class=\"notice\" role=\"status\"><p>Saved the moderation of S2.1 "))
            let after = try await browser.get("/admin/audits/\(fixture.audit.id)/moderation")
            #expect(!after.body.contains("Saved the moderation"))
            #expect(after.body.contains("lead@riverside.example: requirement S2.1 none to Amber: Policy &lt;out of date&gt;"))
            #expect(MomentsOnPage.raw(in: after.body).isEmpty && MomentsOnPage.inWords(in: after.body), "the trail's moments in words")
            let bogus = try await browser.post("/admin/audits/\(fixture.audit.id)/moderate",
                                               [("scope", "requirement:S99"), ("rating", "red"), ("reason", "x")], csrf: page.csrf)
            #expect(bogus.status == .unprocessableContent)
            // A requirement scored on its own scale: the option's band is the moderated band.
            let item = try await browser.get("/admin/audits/\(fixture.audit.id)/moderation/item?scope=requirement%3AS2.2")
            #expect(item.body.contains("<option value=\"mostly\">mostly: Mostly met</option>"))
            let both = try await browser.post("/admin/audits/\(fixture.audit.id)/moderate",
                                              [("scope", "requirement:S2.2"), ("rating", "red"), ("score", "mostly"), ("reason", "x")], csrf: page.csrf)
            #expect(both.status == .unprocessableContent && both.body.contains("or its score on the scale (not both)"))
            _ = try await browser.post("/admin/audits/\(fixture.audit.id)/moderate",
                                       [("scope", "requirement:S2.2"), ("score", "partially"), ("reason", "No print copies in depots")], csrf: page.csrf)
            let scored = try await browser.get("/admin/audits/\(fixture.audit.id)/moderation")
            #expect(scored.body.contains("requirement S2.2 none to Red (score partially): No print copies in depots"))
        }
        let trail = try await fixture.store.moderation.trail(auditID: fixture.audit.id)
        #expect(trail.map(\.by) == ["lead@riverside.example", "lead@riverside.example"])
        #expect(trail.first?.new == .amber)
        #expect(trail.last?.newOption == "partially" && trail.last?.new == .red)           // 33.3% of the way up: Red
    }

    @Test func planActionsAreUpdatedFromThePageWithWhoAndWhen() async throws {
        let fixture = try await fixtureWithCoordinator()
        let day = { (iso: String) in CalendarDate(iso: iso)! }
        try await fixture.store.plans.save(Plan(
            organisation: "Riverside District Council", title: "Safeguarding Action Plan January 2027 - December 2027", auditYear: 2026,
            periodStart: day("2027-01-01"), periodEnd: day("2027-12-31"),
            documentControl: DocumentControl(owner: "M", author: "M", version: "1.0", lastReviewed: day("2027-01-20"),
                                             nextReviewDue: day("2027-07-20"), history: [Revision(version: "1.0", date: day("2027-01-20"), author: "M", note: "Signed off")]),
            results: nil, standards: [PlanStandard(standardID: "S3", title: "Accountability", objectives: [
                Objective(id: "O1", requirementID: "S3.1", title: "A DSO in every area", finding: nil, actions: [
                    PlanAction(id: "A1.1", input: "Confirm a DSO for Leisure", outcome: "Staff can reach a DSO", measure: "DSO list",
                               leads: [Lead(name: "Claire Dunmore"), Lead(name: "Fiona Campbell", serviceArea: "Housing")], due: day("2027-06-30")),
                ]),
            ])]), replace: false)
        try await fixture.run { browser in
            try await signIn(browser)
            let page = try await browser.get("/admin/audits/\(fixture.audit.id)/plan")
            #expect(page.body.contains("Confirm a DSO for Leisure"))
            // One action at a time: the plan lists them, each action's page records its progress.
            #expect(!page.body.contains("-status\" name=\"status\"") && page.body.contains("href=\"/admin/audits/\(fixture.audit.id)/plan/actions/A1.1\""))
            let actionPage = try await browser.get("/admin/audits/\(fixture.audit.id)/plan/actions/A1.1")
            // Two leads: each can have their own status and progress, as the boards track them.
            #expect(actionPage.body.contains("<option value=\"Fiona Campbell\">Fiona Campbell</option>"))
            let own = try await browser.post("/admin/audits/\(fixture.audit.id)/plan/update",
                                             [("action", "A1.1"), ("for", "Fiona Campbell"), ("status", "G"), ("progress", "Housing DSO named")],
                                             csrf: page.csrf)
            #expect(own.status == .seeOther)
            let told = try await browser.get(String(try #require(own.location?.split(separator: "#").first)))
            #expect(told.body.contains("<p>Saved A1.1.</p>"))
            #expect(!(try await browser.get("/admin/audits/\(fixture.audit.id)/plan?saved=%3Cb%3E")).body.contains("Saved"))
            #expect(try await browser.get("/admin/audits/\(fixture.audit.id)/plan").body.contains("Fiona Campbell: G, Housing DSO named"))
            let bad = try await browser.post("/admin/audits/\(fixture.audit.id)/plan/update", [("action", "A1.1"), ("due", "30/06/2027")],
                                             csrf: page.csrf)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Write the due date for A1.1 as YYYY-MM-DD") && bad.body.contains("<h1>Action A1.1</h1>"))
            let saved = try await browser.post("/admin/audits/\(fixture.audit.id)/plan/update",
                                               [("action", "A1.1"), ("status", "A"), ("progress", "Recruitment delayed")], csrf: page.csrf)
            #expect(saved.status == .seeOther)
            // The filters: by status, and overdue only; each says how many it shows.
            let amber = try await browser.get("/admin/audits/\(fixture.audit.id)/plan?status=A")
            #expect(amber.body.contains("id=\"q-A1-1\"") && amber.body.contains("<p id=\"shown\">1 of "))
            let done = try await browser.get("/admin/audits/\(fixture.audit.id)/plan?status=B")
            #expect(!done.body.contains("id=\"q-A1-1\"") && done.body.contains("<p id=\"shown\">0 of "))
            let print = try await browser.get("/admin/audits/\(fixture.audit.id)/plan/print")
            #expect(print.body.contains("A: Risk of not completing on time"))
            // Every page about the audit has the way back to its task list.
            for path in ["officers", "invitations", "staff", "moderation", "plan", "plan/actions/A1.1", "plan/objectives/new", "downloads",
                         "scorecard", "plan/print"] {
                let page = try await browser.get("/admin/audits/\(fixture.audit.id)/\(path)")
                #expect(page.body.contains("<a href=\"/admin/audits/\(fixture.audit.id)\">Riverside District Council 2026 audit</a>"), "\(path)")
                #expect(page.body.contains("action=\"/admin/logout\"") && page.body.contains("signed in as lead@riverside.example"), "\(path)")
            }
            // The scorecard and the printable plan show the bar on screen, and not on paper.
            #expect(print.body.contains("<header class=\"banner\">") && print.body.contains("@media print{body{margin:0}a{color:inherit}.banner{display:none}}"))
            let history = try await browser.get("/admin/audits/\(fixture.audit.id)/plan/actions/A1.1")
            #expect(history.body.contains("Recruitment delayed"))
            #expect(MomentsOnPage.raw(in: history.body).isEmpty && MomentsOnPage.inWords(in: history.body), "the action's history in words")
            let xml = try await browser.get("/admin/audits/\(fixture.audit.id)/plan.xml")
            #expect(xml.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(xml.body.contains("<progress>Recruitment delayed</progress>"))
        }
        let action = try #require(try await fixture.store.plans.find(organisation: "Riverside District Council", year: 2026)?.actions.first)
        #expect(action.status == .amber)
        #expect(action.leads[1].status == .green && action.leads[1].progress == "Housing DSO named" && action.leads[0].status == nil)
        #expect(action.history.map(\.by) == Array(repeating: "lead@riverside.example", count: 4))
        #expect(action.history.map(\.field) == ["status", "progress", "status", "progress"])
    }

    @Test func anAuditThatIsNotThereIsNotFoundAndSaysNothingOfTheInside() async throws {
        let fixture = try await fixtureWithCoordinator()
        try await fixture.run { browser in
            try await signIn(browser)
            for path in ["/admin/audits/notanumber", "/admin/audits/99999", "/admin/audits/99999/plan.xml", "/admin/audits/-1/scorecard"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path): \(page.status)")
                #expect(page.body.contains("Page not found") && page.body.contains("href=\"/admin\""), "\(path)")
                for leak in ["SQLite", "GRDB", "Error(", ".swift", "StoreError", "HTTPError"] {
                    #expect(!page.body.contains(leak), "\(path) shows \(leak)")
                }
            }
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let fixture = try await fixtureWithCoordinator()
        try await fixture.run { browser in
            try await signIn(browser)
            let list = try await browser.get("/admin")
            let out = try await browser.post("/admin/logout", [], csrf: list.csrf)
            #expect(out.location == "/admin/login")
            #expect(try await browser.get("/admin").location == "/admin/login")
        }
    }
}
