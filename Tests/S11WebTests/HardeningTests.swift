import Foundation
import HTTPTypes
import S11Store
import Testing
@testable import S11Web

/// What holds under attack on every response: the security headers on pages, redirects,
/// downloads and refusals; refusals as pages; HEAD answered as GET; staff answers that no log
/// line can be matched to.
@Suite struct HardeningTests {
    static let headers: [(String, String)] = [
        ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"), ("Content-Security-Policy", "default-src 'none'"),
    ]

    func expectSecurityHeaders(_ page: Browser.Page, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, value) in Self.headers {
            let found = page.headers[HTTPField.Name(name)!]
            #expect(found?.hasPrefix(value) == true, "\(what): \(name) is \(found ?? "missing")", sourceLocation: sourceLocation)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeadersDownloadsRedirectsAndRefusalsIncluded() async throws {
        let (fixture, hillside) = try await OrganisationScopeTests().twoOrganisations()
        try await fixture.run { browser in
            expectSecurityHeaders(try await browser.get("/"), "home")
            let redirect = try await browser.get("/admin")
            #expect(redirect.status == .seeOther)
            expectSecurityHeaders(redirect, "redirect to sign in")
            expectSecurityHeaders(try await browser.get("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), "unknown link")
            try await OrganisationScopeTests().signIn(browser, as: "chair@board.example")
            let download = try await browser.get("/admin/audits/\(hillside.id)/plan.xml")
            #expect(download.status == .ok && download.headers[.contentType]?.hasPrefix("application/xml") == true)
            expectSecurityHeaders(download, "plan.xml")
            let forged = try await browser.post("/admin/audits/\(hillside.id)/moderate", [], csrf: "forged")
            #expect(forged.status == .forbidden)
            expectSecurityHeaders(forged, "refused form")
        }
    }

    @Test func aPostedFormIsCheckedBeforeSignInAndBeforeWhatTheAccountMaySee() async throws {
        let (fixture, _) = try await OrganisationScopeTests().twoOrganisations()
        try await fixture.run { browser in
            let token = try #require(try await browser.get("/admin/login").csrf)
            let audit = "/admin/audits/\(fixture.audit.id)"
            // Signed out: a forged form is refused, a true one is sent to sign in.
            #expect(try await browser.post("\(audit)/moderate", [], csrf: "forged").status == .forbidden)
            #expect(try await browser.post("\(audit)/moderate", [], csrf: token).location == "/admin/login")
            let file = (field: "file", name: "officers.csv", bytes: Array("name,email,role,service_area\r\n".utf8))
            #expect(try await browser.upload("\(audit)/officers/upload", file: file, csrf: "forged").status == .forbidden)
            #expect(try await browser.upload("\(audit)/officers/upload", file: file, csrf: token).location == "/admin/login")
            #expect(try await browser.post("/admin/nothing-here", [], csrf: "forged").status == .notFound)     // no route, no form to check
            // An organisation's coordinator on the board's pages: a forged form is refused before the 404.
            try await OrganisationScopeTests().signIn(browser, as: "lead@riverside.example")
            let signedIn = try #require(try await browser.get("/admin").csrf)
            #expect(try await browser.post("/admin/rounds/1/return", [("audit", "1")], csrf: "forged").status == .forbidden)
            #expect(try await browser.post("/admin/rounds/1/return", [("audit", "1")], csrf: signedIn).status == .notFound)
        }
    }

    @Test func signedInFormsNeedTheSessionsTokenNotAPlantedCookie() async throws {
        let (fixture, _) = try await OrganisationScopeTests().twoOrganisations()
        try await fixture.run { browser in
            let signInToken = try #require(try await browser.get("/admin/login").csrf)
            try await OrganisationScopeTests().signIn(browser, as: "lead@riverside.example")
            let page = try await browser.get("/admin/audits/\(fixture.audit.id)/moderation")
            let token = try #require(page.csrf)
            #expect(token != signInToken)                                    // a new token with the new session
            let session = try #require(browser.cookie?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("s11_session=") })
            // Someone who can set cookies on the host plants a double-submit pair of their own.
            let planted = String(repeating: "p", count: 43)
            browser.cookie = "s11_csrf=\(planted); \(session)"
            let scope = [("scope", "nothing"), ("rating", "G"), ("reason", "looks fine")]
            #expect(try await browser.post("/admin/audits/\(fixture.audit.id)/moderate", scope, csrf: planted).status == .forbidden)
            #expect(try await browser.post("/admin/audits/\(fixture.audit.id)/moderate", scope, csrf: token).status != .forbidden)
            // Without a session (an officer's link) the double-submit pair is what counts.
            browser.cookie = "s11_csrf=\(planted)"
            let section = try await browser.post("/r/\(fixture.owen)/s/1", [("action", "save")], csrf: planted)
            #expect(section.status != .forbidden)
        }
    }

    @Test func refusalsAreMessagePagesNotEmptyBodies() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(fixture.owen)/s/1")
            let tooBig = try await browser.post("/r/\(fixture.owen)/s/1", [("evidence.Q1", String(repeating: "x", count: 600 * 1024))],
                                                csrf: page.csrf)
            #expect(tooBig.status == .contentTooLarge)
            #expect(tooBig.body.contains("This form is too large") && tooBig.body.contains("512 KiB"))
            expectSecurityHeaders(tooBig, "413")
            let wrongMethod = try await browser.get("/r/\(fixture.owen)/submit")       // a form's address, not a page
            #expect(wrongMethod.status.code >= 400 && wrongMethod.status.code < 500)
            #expect(wrongMethod.body.contains("<!DOCTYPE html>"), "\(wrongMethod.status): \(wrongMethod.body)")
        }
    }

    @Test func headIsAnsweredAsGetWithoutTheBody() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let get = try await browser.get("/")
            let head = try await browser.get("/", method: .head)
            #expect(head.status == .ok && get.status == .ok)
            #expect(head.body.isEmpty && !get.body.isEmpty)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.headers[.contentLength] == String(get.body.utf8.count))
            expectSecurityHeaders(head, "HEAD /")
            #expect(try await browser.get("/r/\(fixture.owen)/s/1", method: .head).status == .ok)
        }
    }

    @Test func staffSurveyRequestsLeaveNoLogLineToMatchAnAnswerSetTo() async throws {
        let fixture = try await WebFixture()
        let lines = RouterClient.LogLines()
        try await fixture.run(logLines: lines) { browser in
            let form = try await browser.get("/staff/\(fixture.staffToken)")
            let sent = try await browser.post("/staff/\(fixture.staffToken)", [("profile.service-area", "housing"), ("answer.SC01", "agree")],
                                              csrf: form.csrf)
            #expect(sent.status == .seeOther)
            _ = try await browser.get("/staff/\(fixture.staffToken)/thanks")
            _ = try await browser.get("/r/\(fixture.owen)")
        }
        #expect(try await fixture.store.staff.responses(auditID: fixture.audit.id).count == 1)
        let logged = lines.all
        #expect(logged.contains { $0.contains("route=/r/") })                   // officers' pages are logged
        #expect(!logged.contains { $0.contains("staff") }, "\(logged)")          // the staff survey's are not
    }
}
