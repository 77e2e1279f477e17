import Foundation
import S11App
import S11Core
import Testing
@testable import S11Web

extension RoundPagesTests {
    /// The board narrows its round to what it acts on: a band in any standard, a stage (moderated
    /// its own), a change since last year; each choice says how many it matches, the heatmap and
    /// the list show only those, and the partnership's line counts exactly the organisations shown.
    @Test func theBoardFiltersItsRoundAndEveryCountSaysHowManyMatch() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await openRound(fixture, mail: mail).0)
        func submit(_ organisation: String, overall: Double, s1: Rag, moderated: Rag? = nil) async throws {
            let audit = try await fixture.store.audits.named(organisation: organisation, year: 2027)
            try await fixture.store.rounds.submitToBoard(auditID: audit.id, by: "Lead", declaration: "x") { _ in
                [BoardScore(kind: .overall, scopeID: "", percent: overall, rag: .amber, moderated: nil, isGap: false),
                 BoardScore(kind: .standard, scopeID: "S1", percent: overall, rag: s1, moderated: moderated, isGap: false)]
            }
        }
        try await submit("Thames Valley Police", overall: 45, s1: .red)
        try await submit("Oxford Health NHS Trust", overall: 70, s1: .amber, moderated: .green)

        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let all = try await browser.get("/admin/rounds/\(round)")
            for option in ["Red in any standard (1)", "Green in any standard (1)", "Amber in any standard (0)", "Not started (1)",
                           "Submitted to the board (2)", "Moderated by the board (1)", "Every sector (3)", "Police (1)"] {
                #expect(all.body.contains(">\(option)</option>"), "\(option)")
            }
            #expect(all.body.contains("3 of the 3 member organisations of the round match; 2 of them are on the heatmap"))
            // The partnership's line: S1 is Red in one, Green (moderated) in the other.
            #expect(all.body.contains("<th scope=\"row\">How many Red</th><td class=\"\" title=\"0 organisations Red\">"))
            #expect(all.body.contains("title=\"1 organisation Red\"") && all.body.contains("title=\"1 organisation Green\""))
            #expect(all.body.contains("title=\"moderated Green; self-assessed 70% Amber\"><span aria-hidden=\"true\">G 70*</span>"))

            let red = try await browser.get("/admin/rounds/\(round)?band=red")
            #expect(red.body.contains("1 of the 3 member organisations of the round match; 1 of them is on the heatmap"))
            #expect(red.body.contains("<th scope=\"row\">Thames Valley Police<br>") && !red.body.contains("<th scope=\"row\">Oxford Health NHS Trust<br>"))
            #expect(red.body.contains(">Thames Valley Police</a>") && !red.body.contains(">Oxford Health NHS Trust</a>"))   // the list too
            #expect(!red.body.contains("title=\"1 organisation Green\""))                  // the line counts only those shown

            let moderated = try await browser.get("/admin/rounds/\(round)?stage=moderated")
            #expect(moderated.body.contains("<th scope=\"row\">Oxford Health NHS Trust<br>") && !moderated.body.contains("<th scope=\"row\">Thames Valley Police<br>"))

            let notStarted = try await browser.get("/admin/rounds/\(round)?stage=not-started")
            #expect(notStarted.body.contains("No organisation that submitted to the board matches these filters."))
            #expect(notStarted.body.contains(">Cherwell District Council</a>") && !notStarted.body.contains(">Thames Valley Police</a>"))

            let changed = try await browser.get("/admin/rounds/\(round)?changed=yes")
            #expect(changed.body.contains("0 of the 3 member organisations of the round match"))   // no round last year
            #expect(changed.body.contains("Overall changed since last year (0)"))
        }
    }

    /// A round too long for one page shows a hundred organisations at a time, in the heatmap and
    /// the list alike, with the filters kept on every pager link.
    @Test func aLongRoundIsShownAHundredOrganisationsAtATime() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let members = "organisation,sector,lead_name,lead_email\n" + (0..<205).map { index in
            String(format: "Member %03d,%@,Lead %d,lead%d@member%d.example", index, index % 2 == 0 ? "Police" : "School", index, index, index)
        }.joined(separator: "\n") + "\n"
        let round = try #require(try await openRound(fixture, mail: mail, members: members).0)
        for index in 0..<150 {
            let audit = try await fixture.store.audits.named(organisation: String(format: "Member %03d", index), year: 2027)
            try await fixture.store.rounds.submitToBoard(auditID: audit.id, by: "Lead", declaration: "x") { _ in
                [BoardScore(kind: .overall, scopeID: "", percent: 50, rag: .amber, moderated: nil, isGap: false)]
            }
        }
        try await run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let first = try await browser.get("/admin/rounds/\(round)")
            #expect(first.body.contains("<th scope=\"row\">Member 099<br>") && !first.body.contains("<th scope=\"row\">Member 100<br>"))
            #expect(first.body.contains("Showing 1 to 100 of 150.") && first.body.contains("href=\"/admin/rounds/\(round)?page=2\""))
            #expect(first.body.contains("Showing 1 to 100 of 205.") && first.body.contains("href=\"/admin/rounds/\(round)?list=2\""))
            #expect(first.body.contains("<td>205</td>") == false && first.body.contains("205 member organisations"))   // the counts are of every one
            let second = try await browser.get("/admin/rounds/\(round)?page=2&list=3")
            #expect(second.body.contains("<th scope=\"row\">Member 149<br>") && !second.body.contains("<th scope=\"row\">Member 099<br>"))
            #expect(second.body.contains("Showing 101 to 150 of 150.") && second.body.contains("href=\"/admin/rounds/\(round)?list=3&amp;page=1\""))
            #expect(second.body.contains("Showing 201 to 205 of 205.") && second.body.contains(">Member 204</a>") && !second.body.contains(">Member 199</a>"))
            let beyond = try await browser.get("/admin/rounds/\(round)?page=99")
            #expect(beyond.body.contains("Showing 101 to 150 of 150."))                       // the last page
            // The filters stay on every page's links.
            let submitted = try await browser.get("/admin/rounds/\(round)?stage=submitted&order=name")
            #expect(submitted.body.contains("150 of the 205 member organisations of the round match; 150 of them are on the heatmap"))
            #expect(submitted.body.contains("href=\"/admin/rounds/\(round)?stage=submitted&amp;order=name&amp;list=2\""))
            let police = try await browser.get("/admin/rounds/\(round)?sector=Police")
            #expect(police.body.contains("Showing 1 to 75 of 75.") == false && police.body.contains("href=\"/admin/rounds/\(round)?sector=Police&amp;list=2\""))
        }
    }
}
