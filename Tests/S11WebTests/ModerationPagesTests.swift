import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// Moderation as a person uses it: the requirements that are gaps first, filtered by standard,
/// band and gaps, each one's form on a page of its own with the answers and evidence beside it,
/// and the trail at the top.
@Suite struct ModerationPagesTests {
    /// Owen's return: every other question Partially met, the rest Fully met, all with evidence.
    func fixtureWithMixedReturn() async throws -> WebFixture {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let questions = fixture.questions(for: "owen.price@riverside.example")
        try await fixture.store.returns.saveAnswers(questions.enumerated().map { index, question in
            Answer(questionID: question.id, choice: .option(index.isMultiple(of: 2) ? "partially" : "fully"), evidence: "Minutes of March")
        }, officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        let officer = try #require(try await fixture.store.officers.all(auditID: fixture.audit.id).first { $0.email == "owen.price@riverside.example" })
        #expect(try await fixture.app.session(fixture.audit).returns.submit(officer: officer).isEmpty)
        return fixture
    }

    /// Whether each requirement row of the list is marked a gap, in the order shown.
    func gapFlags(_ body: String) -> [Bool] {
        body.components(separatedBy: "<tr id=\"q-requirement-").dropFirst().map { $0.prefix { $0 != "\n" }.contains("class=\"tag\">gap") }
    }

    @Test func gapsComeFirstTheFiltersNarrowAndEachRequirementHasItsOwnPage() async throws {
        let fixture = try await fixtureWithMixedReturn()
        let list = "/admin/audits/\(fixture.audit.id)/moderation"
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get(list)
            let flags = gapFlags(page.body)
            #expect(flags.contains(true) && flags.contains(false))
            #expect(flags == flags.sorted { $0 && !$1 }, "every gap is listed before every requirement that is not one")
            #expect(!page.body.contains("name=\"rating\""), "no form on the list: each requirement has its own page")
            // The filters: gaps only, one standard, one band; each says how many it shows.
            let gaps = try await browser.get(list + "?gaps=1")
            #expect(!gapFlags(gaps.body).isEmpty && gapFlags(gaps.body).allSatisfy { $0 })
            #expect(gaps.body.contains("\(gapFlags(gaps.body).count) of \(flags.count) requirements, gaps first."))
            let s2 = try await browser.get(list + "?standard=S2")
            #expect(!gapFlags(s2.body).isEmpty && s2.body.components(separatedBy: "<tr id=\"q-requirement-").dropFirst().allSatisfy { $0.hasPrefix("S2-") })
            #expect(s2.body.contains("<option value=\"S2\" selected>"))
            let green = try await browser.get(list + "?band=green")
            let greens = green.body.components(separatedBy: "<tr id=\"q-requirement-").dropFirst()
            #expect(greens.count < flags.count && greens.allSatisfy { $0.prefix { $0 != "\n" }.contains("Green") })

            // One requirement's page: why it is a gap, Owen's answer and evidence, the form.
            let first = try #require(page.body.components(separatedBy: "<tr id=\"q-requirement-").dropFirst().first)
            let href = try #require(first.components(separatedBy: "<a href=\"").dropFirst().first?.prefix { $0 != "\"" })
            let item = try await browser.get(String(href).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(item.status == .ok && item.body.contains("<dt>Why it is a gap</dt>"))
            #expect(item.body.contains("Owen Price") && item.body.contains("Partially met") && item.body.contains("Minutes of March"))
            #expect(item.body.contains("name=\"rating\"") && item.body.contains("<a href=\"\(list)\">Back to every requirement</a>"))
            let scope = try #require(item.field("scope"))
            let saved = try await browser.post("/admin/audits/\(fixture.audit.id)/moderate", [("scope", scope), ("rating", "red"),
                                                                                            ("reason", "No training records")], csrf: item.csrf)
            let back = try await browser.get(String(try #require(saved.location)))
            // The trail is at the top, before the requirements, and the notice names what was saved.
            let trail = try #require(back.body.range(of: "No training records")), table = try #require(back.body.range(of: "<h2>Requirements</h2>"))
            #expect(trail.lowerBound < table.lowerBound && back.body.contains("Saved the moderation of \(scope.dropFirst("requirement:".count)) "))
            #expect(try await browser.get(list + "/item?scope=requirement%3AS99").status == .notFound)
            #expect(try await browser.get(list + "/item?scope=nonsense").status == .notFound)
        }
    }
}
