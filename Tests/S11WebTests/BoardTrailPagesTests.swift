import Foundation
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// A board user reads what an organisation submitted to the board, as it changed: its moderation,
/// its plan and the round's steps, never its officers, their answers or its accounts; nothing
/// before it submits; nothing of another board's organisation.
@Suite struct BoardTrailPagesTests {
    @Test func theBoardReadsWhatWasSubmittedToItAndNoOfficer() async throws {
        let rounds = RoundPagesTests()
        let (fixture, mail, round, police, cherwell) = try await rounds.openedRound()
        try await rounds.returnIn(fixture, police, officer: "kim.ng@tvp.example")
        let path = "/admin/audits/\(police.id)/trail"

        // Before the police submit, the board reads that they have not.
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let before = try await browser.get(path)
            #expect(before.status == .ok && before.body.contains("Thames Valley Police has not submitted its 2027 self-assessment to the board yet"))
            #expect(!before.body.contains("<table") && !before.body.contains("kim.ng"))
            #expect(before.body.contains("<a href=\"/admin/rounds/\(round)\">Back to the round</a>"))
            #expect(try await browser.get(path + ".csv").body == "at,who,what,officer,requirement,field,old,new\r\n")
        }
        _ = try await fixture.store.moderation.change(auditID: police.id, scope: .requirement("S2.1"), rag: .amber, reason: "Seen the 2026 review",
                                                      by: "sam.reed@tvp.example", at: "2027-03-01T10:00:00Z")
        try await fixture.app.rounds.submit(auditID: police.id, by: "sam.reed@tvp.example", declaration: BoardRounds.standardDeclaration)

        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let dashboard = try await browser.get("/admin/rounds/\(round)")
            #expect(dashboard.body.contains("href=\"/admin/audits/\(police.id)/trail\""))
            #expect(!dashboard.body.contains("href=\"/admin/audits/\(cherwell.id)/trail\""))       // nothing submitted
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("<td>sam.reed@tvp.example</td><td>Moderation</td>") && page.body.contains("Seen the 2026 review"))
            #expect(page.body.contains("<td>Board round</td><td>submitted to the board</td>"))
            #expect(page.body.contains("<td>Board round</td><td>opened in the board&#39;s round</td>")
                    || page.body.contains("<td>Board round</td><td>opened in the board's round</td>"))
            // No officer is named or can be chosen, and none of the organisation's own changes are here.
            #expect(!page.body.contains("kim.ng") && !page.body.contains("Kim Ng") && !page.body.contains("id=\"officer\""))
            for own in ["<td>Answer</td>", "<td>Evidence</td>", "<td>Officer</td>", "<td>Return</td>", "<td>Account</td>"] {
                #expect(!page.body.contains(own), "\(own)")
            }
            // Asking for an officer's changes is ignored, not obeyed.
            let asked = try await browser.get(path + "?officer=kim.ng%40tvp.example")
            #expect(asked.body.contains("<td>Board round</td>") && !asked.body.contains("kim.ng@tvp.example</td>"))
            let csv = try await browser.get(path + ".csv?officer=kim.ng%40tvp.example")
            #expect(csv.body.contains(",moderation,") && csv.body.contains("submitted to the board") && !csv.body.contains("kim.ng"))
        }
        // The organisation's own coordinator reads all of it, officers' answers included.
        let own = try await fixture.app.session(police).trail()
        #expect(own.contains { $0.subject == .answer && $0.officer == "kim.ng@tvp.example" })

        // Another board's user, and another organisation's coordinator, get nothing.
        try await rounds.run(fixture, mail: mail) { browser in
            try await rounds.signIn(browser, fixture, boardUserOf: "Buckinghamshire Safeguarding Children Partnership", email: "unit@bscb.example")
            #expect(try await browser.get(path).status == .notFound)
            #expect(try await browser.get(path + ".csv").status == .notFound)
        }
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signIn(browser)                                            // Riverside's coordinator
            #expect(try await browser.get(path).status == .notFound)
            #expect(try await browser.get(path + ".csv").status == .notFound)
        }
    }
}
