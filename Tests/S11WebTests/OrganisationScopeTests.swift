import Foundation
import HTTPTypes
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// Several organisations on one server: a coordinator reaches only their own organisation's audit,
/// by any page or form; a board user sees every organisation's summaries and no returns.
@Suite struct OrganisationScopeTests {
    static let password = "correct horse battery staple"
    static let secret = "HILLSIDE-ONLY evidence: minutes of the closed panel"
    static let naReason = "HILLSIDE-ONLY reason: no volunteers since the restructure"

    /// The fixture's Riverside audit, plus Hillside's with a submitted return and a drafted plan.
    func twoOrganisations() async throws -> (WebFixture, AuditRecord) {
        let fixture = try await WebFixture()
        let files = try await fixture.store.audits.pinnedFiles(auditID: fixture.audit.id).map { (kind: $0.kind, path: $0.path, data: Data($0.data)) }
        let hillside = try await fixture.store.audits.open(organisation: "Hillside Borough Council", year: 2026, files: files)
        _ = try await fixture.store.officers.import([Officer(name: "Hana Okafor", email: "hana.okafor@hillside.example", role: "dso", serviceArea: "Housing")],
                                         auditID: hillside.id)
        let questions = fixture.content.questions(forRole: "dso")
        let notApplicable = questions.first { fixture.content.catalogue.requirement($0.requirementID)?.naAllowed == true }
        try await fixture.store.returns.saveAnswers(questions.map { question in
            question.id == notApplicable?.id ? Answer(questionID: question.id, choice: .notApplicable, reason: Self.naReason)
                : Answer(questionID: question.id, choice: .option("partially"), evidence: Self.secret)
        }, officerEmail: "hana.okafor@hillside.example", auditID: hillside.id)
        _ = try await fixture.store.returns.submit(officerEmail: "hana.okafor@hillside.example", auditID: hillside.id) { _ in [String]() }
        let scoring = try await fixture.app.session(hillside).scoring
        let card = try await scoring.scorecard()
        let plan = await PlanDrafter(content: fixture.content).draft(
            card: card, gaps: try scoring.gaps(in: card), officers: try fixture.store.officers.all(auditID: hillside.id),
            options: .init(start: CalendarDate(iso: "2027-01-01")!, today: CalendarDate(iso: "2026-11-24")!))
        try await fixture.store.plans.save(plan, replace: false)
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                          organisation: "riverside district council")          // case does not matter
        try await fixture.store.accounts.save(email: "chair@board.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                          organisation: nil)
        return (fixture, hillside)
    }

    func signIn(_ browser: Browser, as email: String) async throws {
        let form = try await browser.get("/admin/login")
        let signedIn = try await browser.post("/admin/login", [("email", email), ("password", Self.password)], csrf: form.csrf)
        #expect(signedIn.location == "/admin")
        let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") })
        browser.cookie = [browser.cookie, String(session.split(separator: ";")[0])].compactMap { $0 }.joined(separator: "; ")
    }

    static let pages = ["", "/scorecard", "/moderation", "/plan", "/plan.xml", "/plan/print", "/officers",
                        "/officers/change?email=hana.okafor%40hillside.example", "/officers/remove?email=hana.okafor%40hillside.example",
                        "/invitations", "/staff", "/downloads", "/downloads/plan-2026.docx", "/downloads/board-report.html",
                        "/downloads/scorecard.csv", "/downloads/responses.csv", "/downloads/staff-responses.csv",
                        "/plan/actions/A1.1", "/plan/objectives/O1", "/plan/objectives/new",
                        "/reopen?email=hana.okafor%40hillside.example", "/staff/link", "/staff/batches/1/undo",
                        "/officers/return?email=hana.okafor%40hillside.example", "/moderation/item?scope=requirement%3AS1.1",
                        "/plan/redraft", "/invitations/replace?email=hana.okafor%40hillside.example", "/trail", "/trail.csv?officer=hana.okafor%40hillside.example"]
    /// What a board user may read: summaries, the plan, the board report.
    static let boardPages: Set<String> = ["/scorecard", "/plan.xml", "/plan/print", "/downloads", "/downloads/plan-2026.docx",
                                          "/downloads/board-report.html"]
    static let forms: [(String, [(String, String)])] = [
        ("/reopen", [("email", "hana.okafor@hillside.example")]),
        ("/moderate", [("scope", "requirement:S1.1"), ("rating", "G"), ("reason", "looks fine")]),
        ("/plan/update", [("action", "A1.1"), ("status", "B")]),
        ("/invitations/due", [("deadline", "2020-01-01")]),
        ("/invitations/send", [("kind", "invitation")]),
        ("/invitations/schedule", [("daysBefore", "1"), ("overdueEvery", "1"), ("atMost", "20"), ("timeOfDay", "03:00")]),
        ("/officers/add", [("name", "Intruder"), ("email", "x@y.example"), ("role", "dso"), ("service_area", "Housing")]),
        ("/officers/change", [("email", "hana.okafor@hillside.example"), ("name", "Changed"), ("role", "dso"), ("service_area", "Housing")]),
        ("/officers/remove", [("email", "hana.okafor@hillside.example")]),
        ("/staff/link", []),
        ("/staff/batches/1/undo", []),
        ("/staff/confirm", [("upload", "00000000-0000-0000-0000-000000000000"), ("choice", "import")]),
        ("/plan/draft", []),
        ("/plan/actions/A1.1", [("input", "Changed"), ("outcome", "x"), ("measure", "x"), ("lead", "x"), ("due", "2027-01-01")]),
        ("/plan/actions/A1.1/remove", []),
        ("/plan/actions/A1.1/merge", [("into", "A1.2")]),
        ("/plan/version", [("note", "Signed off elsewhere"), ("major", "yes")]),
        ("/plan/influences", [("influences", "Written by another organisation")]),
        ("/plan/objectives/O1", [("title", "Changed")]),
        ("/plan/objectives/O1/actions", [("input", "x"), ("outcome", "x"), ("measure", "x"), ("lead", "x"), ("due", "2027-01-01")]),
        ("/plan/objectives/new", [("standard", "S1"), ("title", "x"), ("source", "x"), ("input", "x"), ("outcome", "x"),
                                  ("measure", "x"), ("lead", "x"), ("due", "2027-01-01")]),
    ]

    @Test func aCoordinatorCannotReachAnotherOrganisationsAuditByAnyPageOrForm() async throws {
        let (fixture, hillside) = try await twoOrganisations()
        let planBefore = try await fixture.store.plans.find(organisation: hillside.organisation, year: 2026)
        try await fixture.run { browser in
            try await signIn(browser, as: "lead@riverside.example")
            let list = try await browser.get("/admin")
            #expect(list.body.contains("Riverside District Council") && !list.body.contains("Hillside"))
            #expect(try await browser.get("/admin/audits/\(fixture.audit.id)").status == .ok)     // their own: yes
            for page in Self.pages {
                let seen = try await browser.get("/admin/audits/\(hillside.id)\(page)")
                #expect(seen.status == .notFound, "\(page): \(seen.status)")
                #expect(!seen.body.contains("Hillside") && !seen.body.contains("HILLSIDE-ONLY") && !seen.body.contains("Hana"), "\(page)")
            }
            let csrf = try #require(list.csrf)
            for (path, fields) in Self.forms {
                let sent = try await browser.post("/admin/audits/\(hillside.id)\(path)", fields, csrf: csrf)
                #expect(sent.status == .notFound, "\(path): \(sent.status)")
            }
            for path in ["/officers/upload", "/staff/upload"] {
                let file = Array("name,email,role,service_area\r\nX Y,x@y.example,dso,Housing\r\n".utf8)
                let sent = try await browser.upload("/admin/audits/\(hillside.id)\(path)", file: ("file", "x.csv", file), csrf: csrf)
                #expect(sent.status == .notFound, "\(path): \(sent.status)")
            }
        }
        #expect(try await fixture.store.officers.all(auditID: hillside.id).map(\.name) == ["Hana Okafor"])
        #expect(try await fixture.store.mail.records(auditID: hillside.id).isEmpty)
        #expect(try await fixture.store.reminders.schedule(auditID: hillside.id) == .standard)
        // Nothing of Hillside's changed: the return is still submitted, no moderation, the plan as drafted.
        #expect(try await fixture.store.officers.statuses(auditID: hillside.id).map(\.status) == [.submitted])
        #expect(try await fixture.store.moderation.ratings(auditID: hillside.id).isEmpty)
        #expect(try await fixture.store.plans.find(organisation: hillside.organisation, year: 2026) == planBefore)
    }

    @Test func aBoardUserSeesEverySummaryButNoReturnAndChangesNothing() async throws {
        let (fixture, hillside) = try await twoOrganisations()
        try await fixture.run { browser in
            try await signIn(browser, as: "chair@board.example")
            let list = try await browser.get("/admin")
            #expect(list.body.contains("Riverside District Council") && list.body.contains("Hillside Borough Council"))
            #expect(list.body.contains("every organisation&#39;s summaries") || list.body.contains("every organisation's summaries"))
            for audit in [fixture.audit.id, hillside.id] {
                for page in Self.pages {
                    let seen = try await browser.get("/admin/audits/\(audit)\(page)")
                    let summary = Self.boardPages.contains(page)
                    // Riverside has no plan yet: its plan pages are 404 for everyone.
                    let planOnly = page.hasPrefix("/plan") || page.hasSuffix(".docx")
                    let expected: HTTPResponse.Status = summary && (!planOnly || audit == hillside.id) ? .ok : .notFound
                    #expect(seen.status == expected, "\(audit)\(page): \(seen.status)")
                    #expect(!seen.body.contains("HILLSIDE-ONLY"), "\(audit)\(page) shows an officer's evidence or N/A reason")
                    #expect(!seen.body.contains("(Hana Okafor)"), "\(audit)\(page) names an officer beside their answer")
                }
            }
            let csrf = try #require(list.csrf)
            for (path, fields) in Self.forms {
                #expect(try await browser.post("/admin/audits/\(hillside.id)\(path)", fields, csrf: csrf).status == .notFound, "\(path)")
            }
        }
        #expect(try await fixture.store.moderation.ratings(auditID: hillside.id).isEmpty)
        #expect(try await fixture.store.reminders.schedule(auditID: hillside.id) == .standard)
    }

    @Test func theBoardsScorecardCountsAnswersWhereTheOrganisationsOwnNamesTheOfficers() async throws {
        let (fixture, hillside) = try await twoOrganisations()
        try await fixture.store.accounts.save(email: "lead@hillside.example", passwordHash: CoordinatorPassword.hash(Self.password, cost: 4),
                                          organisation: hillside.organisation)
        try await fixture.run { browser in
            try await signIn(browser, as: "chair@board.example")
            let board = try await browser.get("/admin/audits/\(hillside.id)/scorecard")
            #expect(board.status == .ok)
            #expect(!board.body.contains("Hana Okafor") && !board.body.contains("Each officer&#39;s answer"))
            #expect(board.body.contains("Partially met: 1") && board.body.contains("N/A answers"))
        }
        try await fixture.run { browser in
            try await signIn(browser, as: "lead@hillside.example")
            let own = try await browser.get("/admin/audits/\(hillside.id)/scorecard")
            #expect(own.body.contains("(Hana Okafor): Partially met") && own.body.contains(Self.naReason))
        }
    }
}
