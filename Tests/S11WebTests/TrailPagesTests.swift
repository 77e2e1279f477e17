import Foundation
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The coordinator reads the audit's changes on a page, filtered by officer, requirement and days,
/// and downloads the same selection as CSV.
@Suite struct TrailPagesTests {
    func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: CoordinatorPassword.hash(CoordinatorTests.password, cost: 4),
                                              organisation: fixture.audit.organisation)
        let question = try #require(fixture.questions(for: "owen.price@riverside.example").first).id
        try await fixture.store.returns.saveAnswers([Answer(questionID: question, choice: .option("yes"), evidence: "=HYPERLINK(\"x\")", example: nil, reason: nil)],
                                                    officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        try await fixture.store.returns.saveAnswers([Answer(questionID: question, choice: .option("no"), evidence: "Minutes", example: nil, reason: "Not yet")],
                                                    officerEmail: "gareth.lloyd@riverside.example", auditID: fixture.audit.id)
        return fixture
    }

    @Test func theLeadReadsWhoChangedWhatAndFiltersItByOfficerAndDay() async throws {
        let fixture = try await fixture()
        let path = "/admin/audits/\(fixture.audit.id)/trail"
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let all = try await browser.get(path)
            #expect(all.status == .ok)
            // Each officer added, answered (rating, evidence), the return started, Gareth's reason; the lead's password set and sign-in.
            #expect(all.body.contains("11 changes"))
            #expect(all.body.contains("<td>lead@riverside.example</td><td>Account</td><td>signed in</td>"))
            #expect(all.body.contains("<td>Owen Price, requirement ") && all.body.contains("Gareth &lt;b&gt;Lloyd&lt;/b&gt;"))
            #expect(all.body.contains("<td>owen.price@riverside.example (their link)</td><td>Answer</td>"))
            let owens = try await browser.get(path + "?officer=owen.price%40riverside.example")
            #expect(owens.body.contains("4 changes") && !owens.body.contains("<td>Gareth"))
            #expect(owens.body.contains("<option value=\"owen.price@riverside.example\" selected>Owen Price</option>"))
            let tomorrow = CalendarDate(Date().addingTimeInterval(86_400), in: TimeZone(identifier: "Europe/London")!).iso
            #expect(try await browser.get(path + "?from=\(tomorrow)").body.contains("0 changes"))
            let bad = try await browser.get(path + "?from=last+week")
            #expect(bad.status == .unprocessableContent && bad.body.contains("href=\"#from\">Write the day as year-month-day"))

            let csv = try await browser.get(path + ".csv?officer=owen.price%40riverside.example")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("attachment; filename=\"changes-2026.csv\"") == true)
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.first == "at,who,what,officer,requirement,field,old,new")
            #expect(lines.count == 5)
            #expect(csv.body.contains(",evidence,,\"'=HYPERLINK(\"\"x\"\")\""))         // a formula neutralised
        }
    }
}
