import Foundation
import Hummingbird
import S11App
import S11Core
import Testing
@testable import S11Web

/// The anonymous staff survey page.
@Suite struct StaffSurveyWebTests {
    @Test func staffAnswerOnOnePageAndNothingIdentifiesThem() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let form = try await browser.get("/staff/\(fixture.staffToken)")
            #expect(form.status == .ok)
            #expect(form.body.contains("Staff safeguarding confidence survey"))
            #expect(form.body.contains("name=\"viewport\""))                     // works on a phone
            let sent = try await browser.post("/staff/\(fixture.staffToken)", [
                ("profile.service-area", "housing"), ("profile.role", "frontline"),
                ("answer.SC01", "agree"), ("answer.SC06", "disagree"),
            ], csrf: form.csrf)
            #expect(sent.location == "/staff/\(fixture.staffToken)/thanks")
            let empty = try await browser.post("/staff/\(fixture.staffToken)", [], csrf: form.csrf)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Answer at least one statement"))
        }
        let stored = try await fixture.store.staff.responses(auditID: fixture.audit.id)
        #expect(stored.count == 1)
        #expect(stored.first?.answers == ["SC01": "agree", "SC06": "disagree"])
        #expect(stored.first?.profile == ["service-area": "housing", "role": "frontline"])
        #expect(stored.first?.submittedOn != nil)                                // the day, nothing finer
    }

    /// The blank form is rendered once per link and served again with each visitor's own CSRF
    /// token; a replaced link is refused even though its form was kept.
    @Test func eachVisitorGetsTheirOwnTokenInTheKeptFormAndAReplacedLinkIsRefused() async throws {
        let fixture = try await WebFixture()
        let app = try await WebApp(app: S11App(store: fixture.store))
        var tokens: [String] = []
        for _ in 0..<2 {                                                           // two visitors, no cookies between them
            let browser = Browser(client: RouterClient(app: app))
            let form = try await browser.get("/staff/\(fixture.staffToken)")
            let token = try #require(form.csrf)
            #expect(browser.cookie == "s11_csrf=\(token)")                        // the form's token is the visitor's cookie
            #expect(!form.body.contains(PageShellCache<BlankFormSlot>.value(0)))
            tokens.append(token)
            let sent = try await browser.post("/staff/\(fixture.staffToken)", [("answer.SC01", "agree")], csrf: token)
            #expect(sent.location == "/staff/\(fixture.staffToken)/thanks")
        }
        #expect(tokens[0] != tokens[1])
        _ = try await fixture.store.staff.issueLink(auditID: fixture.audit.id)      // the link is replaced
        #expect(try await Browser(client: RouterClient(app: app)).get("/staff/\(fixture.staffToken)").status == .notFound)
        #expect(try await fixture.store.staff.responses(auditID: fixture.audit.id).count == 2)
    }

    @Test func anUnknownSurveyLinkIsNotFound() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let officerToken = try await browser.get("/staff/\(fixture.owen)")   // an officer's token is not a staff link
            #expect(officerToken.status == .notFound)
        }
    }
}
