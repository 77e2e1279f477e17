import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The lead opens next year's audit in the browser, carrying this year's officers forward.
@Suite struct AuditSetupTests {
    @Test func theLeadOpensNextYearsAuditFromThisYears() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let list = try await browser.get("/admin")
            #expect(list.body.contains("href=\"/admin/audits/new\""))
            let form = try await browser.get("/admin/audits/new")
            #expect(form.body.contains("value=\"2027\"") && form.body.contains("Start from the 2026 audit?"))
            let bad = try await browser.post("/admin/audits/new", [("year", "27"), ("deadline", "31 March"), ("carry", "yes")], csrf: form.csrf)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Write the audit year as four digits") && bad.body.contains("Write the deadline as YYYY-MM-DD"))
            let again = try await browser.post("/admin/audits/new", [("year", "2026"), ("carry", "no")], csrf: form.csrf)
            #expect(again.body.contains("The 2026 audit is already open"))
            let done = try await browser.post("/admin/audits/new", [("year", "2027"), ("deadline", "2027-03-31"), ("contact", "Jo Bloggs, 01234 567890"),
                                                                    ("carry", "yes")], csrf: form.csrf)
            let audit = try await fixture.store.audits.named(organisation: fixture.audit.organisation, year: 2027)
            #expect(done.location == "/admin/audits/\(audit.id)")
            let page = try await browser.get(try #require(done.location))
            #expect(page.body.contains("2027 audit") && page.body.contains("2 officers"))
        }
        let audit = try await fixture.store.audits.named(organisation: fixture.audit.organisation, year: 2027)
        #expect(try await fixture.store.officers.all(auditID: audit.id).count == 2)
        let due = try await fixture.store.returns.due(auditID: audit.id)
        #expect(due.deadline?.iso == "2027-03-31" && due.contact == "Jo Bloggs, 01234 567890")
    }

    @Test func aBoardUserOpensNoOrganisationsAudit() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        try await fixture.run { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let list = try await browser.get("/admin")
            #expect(!list.body.contains("/admin/audits/new"))
            #expect(try await browser.get("/admin/audits/new").status == .notFound)
            #expect(try await browser.post("/admin/audits/new", [("year", "2027")], csrf: list.csrf).status == .notFound)
        }
        #expect(try await fixture.store.audits.all().count == 1)
    }
}
