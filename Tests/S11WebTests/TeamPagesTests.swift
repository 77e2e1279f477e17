import Foundation
import Hummingbird
import S11App
import S11Reports
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The organisation's coordinators kept in the browser, with no command line: a colleague invited
/// by mail sets their password at the link, a locked account is unlocked, a new-password link is
/// sent, and a coordinator's display name is the author of what they draft. Never another
/// organisation's accounts.
@Suite struct TeamPagesTests {
    /// The message written for `email` into the fixture's mail folder, and the token of its link.
    func written(_ fixture: WebFixture, to email: String) throws -> (message: String, token: String) {
        let name = InvitationMail.fileName(email)
        let path = try #require(FileManager.default.enumerator(atPath: fixture.mailFolder.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(name) }.sorted { modified(fixture, $0) < modified(fixture, $1) }.last)
        let message = try String(contentsOf: fixture.mailFolder.appendingPathComponent(path), encoding: .utf8)
        let token = try #require(message.components(separatedBy: "/admin/welcome/").dropFirst().first?.prefix { !$0.isWhitespace })
        return (message, String(token))
    }

    private func modified(_ fixture: WebFixture, _ path: String) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: fixture.mailFolder.appendingPathComponent(path).path)[.modificationDate] as? Date) ?? .distantPast
    }

    @Test func aColleagueIsInvitedSetsAPasswordAndIsUnlockedAndSentANewPasswordLink() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        try await fixture.store.accounts.save(email: "other@hillside.example", passwordHash: CoordinatorPassword.hash("a long hillside password", cost: 4),
                                              organisation: "Hillside Borough Council")
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let audits = try await browser.get("/admin")
            #expect(audits.body.contains("<a href=\"/admin/team\">Coordinators</a>"))
            let page = try await browser.get("/admin/team")
            #expect(page.body.contains("lead@riverside.example") && page.body.contains("(you)"))
            #expect(!page.body.contains("other@hillside.example"))                                    // another organisation's account
            // A bad address is refused beside its field; an address of another organisation is refused.
            let bad = try await browser.post("/admin/team/add", [("name", "Jo Bloggs"), ("email", "jo at riverside")], csrf: page.csrf)
            #expect(bad.status == .unprocessableContent && bad.body.contains("id=\"new-email-error\"") && bad.body.contains("value=\"Jo Bloggs\""))
            let taken = try await browser.post("/admin/team/add", [("email", "other@hillside.example")], csrf: page.csrf)
            #expect(taken.status == .unprocessableContent && taken.body.contains("already signs in for Hillside Borough Council"))
            let invited = try await browser.post("/admin/team/add", [("name", "Jo Bloggs"), ("email", "jo.bloggs@riverside.example")], csrf: page.csrf)
            #expect(invited.body.contains("Invited jo.bloggs@riverside.example to set their password and sign in."))
            #expect(invited.body.contains("Jo Bloggs") && invited.body.contains("invited; has not set a password yet"))
            #expect(MomentsOnPage.raw(in: invited.body).isEmpty && MomentsOnPage.inWords(in: invited.body))
        }
        // Jo's message: who asked, and the link; Jo sets a password there and is a coordinator of Riverside, named.
        let (message, token) = try written(fixture, to: "jo.bloggs@riverside.example")
        #expect(message.contains("lead@riverside.example has added you as a coordinator of Riverside District Council"))
        try await fixture.run { browser in
            let welcome = try await browser.get("/admin/welcome/\(token)")
            #expect(welcome.status == .ok)
            let set = try await browser.post("/admin/welcome/\(token)", [("password", "a long enough password"), ("confirm", "a long enough password")],
                                             csrf: welcome.csrf)
            #expect(set.location == "/admin")
        }
        #expect(try await fixture.store.accounts.team(organisation: "Riverside District Council").first { $0.email == "jo.bloggs@riverside.example" }?
            .hasAccount == true)
        // Jo is locked out by wrong passwords; the lead unlocks Jo, after a question.
        for _ in 0..<SignInThrottle().lockAfter {
            for email in ["jo.bloggs@riverside.example", "other@hillside.example"] {
                try await fixture.store.accounts.recordSignIn(email: email, address: "192.0.2.1", outcome: .failure)
            }
        }
        try await fixture.store.accounts.recordSignIn(email: "jo.bloggs@riverside.example", address: "192.0.2.1", outcome: .locked)
        try await fixture.store.accounts.recordSignIn(email: "other@hillside.example", address: "192.0.2.1", outcome: .locked)
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/team")
            #expect(page.body.contains("<strong class=\"status overdue\">Locked</strong>"))
            let ask = try await browser.get("/admin/team/unlock?email=jo.bloggs%40riverside.example")
            #expect(ask.body.contains("Unlock Jo Bloggs?") && ask.body.contains("too many wrong passwords"))
            // Another organisation's account cannot be asked about, unlocked or sent a link from here.
            #expect(try await browser.get("/admin/team/unlock?email=other%40hillside.example").status == .notFound)
            #expect(try await browser.get("/admin/team/password?email=other%40hillside.example").status == .notFound)
            #expect(try await browser.post("/admin/team/unlock", [("email", "other@hillside.example")], csrf: page.csrf).status != .ok)
            #expect(try await browser.post("/admin/team/password", [("email", "other@hillside.example")], csrf: page.csrf).status != .ok)
            let unlocked = try await browser.post("/admin/team/unlock", [("email", "jo.bloggs@riverside.example")], csrf: page.csrf)
            #expect(unlocked.body.contains("Unlocked jo.bloggs@riverside.example") && !unlocked.body.contains("status overdue\">Locked"))
            // A new-password link, after a question that says what it lets its holder do.
            let ask2 = try await browser.get("/admin/team/password?email=jo.bloggs%40riverside.example")
            #expect(ask2.body.contains("Send Jo Bloggs a link to set a new password?") && ask2.body.contains("Check first that the address is theirs alone"))
            let sent = try await browser.post("/admin/team/password", [("email", "jo.bloggs@riverside.example")], csrf: page.csrf)
            #expect(sent.body.contains("Sent jo.bloggs@riverside.example a link to set a new password."))
        }
        #expect(try await fixture.store.accounts.signInDecision(email: "jo.bloggs@riverside.example", address: "198.51.100.7") == .allowed)
        #expect(try await fixture.store.accounts.signInDecision(email: "other@hillside.example", address: "198.51.100.7") == .locked)
        let again = try written(fixture, to: "jo.bloggs@riverside.example")
        #expect(again.message.contains("a link to set a new password") && again.token != token)
        #expect(try await fixture.store.accounts.invitation(token: again.token)?.email == "jo.bloggs@riverside.example")
    }

    @Test func aCoordinatorsNameIsTheAuthorOfWhatTheyDraft() async throws {
        let fixture = try await PlanPagesTests().fixtureWithReturn()
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/team")
            _ = try await browser.post("/admin/team/name", [("name", "Jo Lead, Safeguarding Lead")], csrf: page.csrf)
            let named = try await browser.get("/admin/team")
            #expect(named.body.contains("value=\"Jo Lead, Safeguarding Lead\"") && named.body.contains("signed in as Jo Lead, Safeguarding Lead (lead@riverside.example)"))
            try await PlanPagesTests().draft(browser, fixture.audit.id)
        }
        let plan = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
        #expect(plan.documentControl.author == "Jo Lead, Safeguarding Lead")
    }

    @Test func aBoardUserHasNoTeamPage() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        try await fixture.run { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            #expect(!(try await browser.get("/admin").body.contains("/admin/team")))
            #expect(try await browser.get("/admin/team").status == .notFound)
        }
    }
}
