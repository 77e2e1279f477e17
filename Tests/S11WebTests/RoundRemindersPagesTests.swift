import Foundation
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The board's reminders to its round's leads, from the round's page: when they go, changed by the
/// board, and each lead it waits for; another board's user and an organisation's coordinator get 404.
@Suite struct RoundRemindersPagesTests {
    @Test func theBoardSeesWhenItsLeadsAreRemindedAndChangesIt() async throws {
        let rounds = RoundPagesTests()
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await rounds.openRound(fixture, mail: mail).0)         // due Wednesday 31 March 2027
        let settings = AppSettings(baseURL: "https://s11.board.example", delivery: LeadReminderKeeper(), mailFolder: mail,
                                   contentRoot: WebFixture.packageRoot)
        let app = try await WebApp(app: S11App(store: fixture.store, settings: settings))
        let browser = Browser(client: RouterClient(app: app))
        try await CoordinatorTests().signInAsBoard(browser, fixture)
        let roundPage = try await browser.get("/admin/rounds/\(round)")
        #expect(roundPage.body.contains("<a href=\"/admin/rounds/\(round)/reminders\">Reminders to leads</a>: "))
        let page = try await browser.get("/admin/rounds/\(round)/reminders")
        #expect(page.status == .ok)
        // 3 days before is a Sunday, and the Friday before it Good Friday: so Thursday 25 March.
        #expect(page.body.contains("Thursday 25 March 2027 at 9am</td><td>3 days before the deadline<br><span class=\"hint\">moved from Sunday 28 March 2027, a Sunday</span>"))
        #expect(page.body.contains("Wednesday 31 March 2027 at 9am</td><td>on the deadline"))
        for lead in ["Thames Valley Police", "Oxford Health NHS Trust", "Cherwell District Council"] {
            #expect(page.body.contains("<th scope=\"row\">\(lead)</th>"))
        }
        #expect(page.body.contains("href=\"/admin/rounds/\(round)\">Back to the round</a>"))
        // The board sets its own: a week before only, at 10am.
        let saved = try await browser.post("/admin/rounds/\(round)/reminders", [("isOn", "yes"), ("daysBefore", "7"), ("overdueEvery", "0"),
                                                                               ("atMost", "1"), ("timeOfDay", "10:00")], csrf: page.csrf)
        #expect(saved.status == .seeOther)
        let after = try await browser.get(try #require(saved.location))
        #expect(after.body.contains("Saved when reminders go.") && after.body.contains("Wednesday 24 March 2027 at 10am</td><td>7 days before the deadline"))
        #expect(!after.body.contains("on the deadline"))
        let refused = try await browser.post("/admin/rounds/\(round)/reminders", [("isOn", "yes"), ("daysBefore", "400"), ("overdueEvery", "0"),
                                                                                 ("atMost", "1"), ("timeOfDay", "10:00")], csrf: page.csrf)
        #expect(refused.status == .unprocessableContent && refused.body.contains("400 days before the deadline cannot be a reminder"))
        #expect(try await fixture.store.reminders.schedule(roundID: round) == ReminderSchedule(daysBefore: [7], onTheDay: false, overdueEvery: 0,
                                                                                                atMost: 1, minuteOfDay: 600))
    }

    @Test func anotherBoardAndAnOrganisationsCoordinatorCannotReachIt() async throws {
        let rounds = RoundPagesTests()
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await rounds.openRound(fixture, mail: mail).0)
        try await fixture.store.accounts.save(email: "chair@bscp.example", passwordHash: CoordinatorPassword.hash(CoordinatorTests.password, cost: 4),
                                              organisation: nil, board: "Buckinghamshire Safeguarding Children Partnership")
        try await rounds.run(fixture, mail: mail) { browser in
            let form = try await browser.get("/admin/login")
            let signedIn = try await browser.post("/admin/login", [("email", "chair@bscp.example"), ("password", CoordinatorTests.password)], csrf: form.csrf)
            browser.cookie = [browser.cookie, signedIn.headers[values: .setCookie].first { $0.hasPrefix("s11_session=") }
                .map { String($0.split(separator: ";")[0]) }].compactMap { $0 }.joined(separator: "; ")
            #expect(try await browser.get("/admin/rounds/\(round)/reminders").status == .notFound)
            let csrf = try await browser.get("/admin").csrf
            #expect(try await browser.post("/admin/rounds/\(round)/reminders", [("daysBefore", "1"), ("overdueEvery", "0"), ("atMost", "1"),
                                                                                ("timeOfDay", "03:00")], csrf: csrf).status == .notFound)
        }
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signIn(browser)                                        // Riverside's coordinator
            #expect(try await browser.get("/admin/rounds/\(round)/reminders").status == .notFound)
            let csrf = try await browser.get("/admin").csrf
            #expect(try await browser.post("/admin/rounds/\(round)/reminders", [("daysBefore", "1"), ("overdueEvery", "0"), ("atMost", "1"),
                                                                                ("timeOfDay", "03:00")], csrf: csrf).status == .notFound)
        }
        #expect(try await fixture.store.reminders.schedule(roundID: round) == .standard)
    }
}

/// A mail program that accepts every message and keeps none: a server that sends.
struct LeadReminderKeeper: MailDelivery {
    func deliver(_ message: Data, to recipient: String) async -> MailDeliveryOutcome {
        MailDeliveryOutcome(accepted: true, detail: "")
    }
}
