import Foundation
import S11TestSupport
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML
import Testing
@testable import S11Web

/// An officer answers in the browser: page by page, saved at once, resumable, checked, submitted.
@Suite struct ReturnFlowTests {
    @Test func anOfficerAnswersEveryPageChecksAndSubmits() async throws {
        let fixture = try await WebFixture()
        let token = fixture.owen
        let questions = fixture.questions(for: "owen.price@riverside.example")
        let sections = fixture.content.selfAssessment.sections(forRole: "champion").filter { !$0.questions.isEmpty }
        try await fixture.run { browser in
            let start = try await browser.get("/r/\(token)")
            #expect(start.status == .seeOther)
            #expect(start.location == "/r/\(token)/s/1")
            for (index, section) in sections.enumerated() {
                let page = try await browser.get("/r/\(token)/s/\(index + 1)")
                #expect(page.status == .ok)
                #expect(page.body.contains("<legend>"))
                // Where the officer is counts pages, not standards: the page's heading is the standard's own number.
                #expect(page.body.contains("Page \(index + 1) of \(sections.count)</span>") && !page.body.contains("Standard \(index + 1) of"))
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                let fields = section.questions.flatMap { [("option.\($0.id)", "mostly"), ("evidence.\($0.id)", "Minutes of the team meeting")] }
                let sent = try await browser.post("/r/\(token)/s/\(index + 1)", fields + [("action", "continue")], csrf: page.csrf)
                #expect(sent.status == .seeOther, "\(sent.body)")
            }
            let check = try await browser.get("/r/\(token)/check")
            #expect(check.body.contains("Check your answers before submitting"))
            #expect(!check.body.contains("Not answered"))
            // "Change" on Check your answers opens the page, and saving it goes back to Check your answers.
            #expect(check.body.contains("href=\"/r/\(token)/s/1?return=check#"))
            let change = try await browser.get("/r/\(token)/s/1?return=check")
            #expect(change.body.contains("<input type=\"hidden\" name=\"return\" value=\"check\">"))
            let firstFields = sections[0].questions.flatMap { [("option.\($0.id)", "mostly"), ("evidence.\($0.id)", "Minutes of the team meeting")] }
            let changed = try await browser.post("/r/\(token)/s/1", firstFields + [("action", "continue"), ("return", "check")], csrf: change.csrf)
            #expect(changed.location == "/r/\(token)/check")
            let onward = try await browser.get("/r/\(token)/s/1")
            #expect(onward.body.contains("<input type=\"hidden\" name=\"return\" value=\"\">"))
            let submitted = try await browser.post("/r/\(token)/submit", [], csrf: check.csrf)
            #expect(submitted.location == "/r/\(token)/done")
            let done = try await browser.get("/r/\(token)/done")
            #expect(done.body.contains("Return submitted"))
            // Read-only now: the form pages go to the submitted return, and a post is refused.
            #expect(try await browser.get("/r/\(token)/s/1").location == "/r/\(token)/check")
            let late = try await browser.post("/r/\(token)/s/1", [("option.\(questions[0].id)", "fully"), ("action", "continue")], csrf: check.csrf)
            #expect(late.status == .conflict)
        }
        let stored = try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        #expect(stored.status == .submitted)
        #expect(stored.answers.count == questions.count)
        #expect(stored.answers.allSatisfy { $0.optionValue == "mostly" && $0.evidence == "Minutes of the team meeting" })
    }

    @Test func savingHalfAPageKeepsItAndTheLinkResumesThere() async throws {
        let fixture = try await WebFixture()
        let token = fixture.owen
        let first = fixture.content.selfAssessment.sections(forRole: "champion").filter { !$0.questions.isEmpty }[0]
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(token)/s/1")
            let q = first.questions[0].id
            let saved = try await browser.post("/r/\(token)/s/1", [("option.\(q)", "partially"), ("evidence.\(q)", "Half done & <typed>"),
                                                                   ("action", "save")], csrf: page.csrf)
            #expect(saved.status == .ok)
            #expect(saved.body.contains("Your answers have been saved"))
            // From another browser (no cookie), the same link opens the same page with the answer in it.
            let other = Browser(client: browser.client)
            #expect(try await other.get("/r/\(token)").location == "/r/\(token)/s/1")
            let again = try await other.get("/r/\(token)/s/1")
            #expect(again.body.contains("Half done &amp; &lt;typed&gt;"))
            #expect(again.body.contains("value=\"partially\" checked"))
        }
    }

    /// The officer says what they will do to improve, who leads it, by when and how we will know:
    /// it is stored as typed and shown again on the page and on the check page.
    @Test func anOfficersImprovementIsStoredShownAndDraftedAsWritten() async throws {
        let fixture = try await WebFixture()
        let token = fixture.owen
        let first = fixture.content.selfAssessment.sections(forRole: "champion").filter { !$0.questions.isEmpty }[0]
        let q = first.questions[0].id
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(token)/s/1")
            #expect(page.body.contains("what will you do to improve, who will lead it, by when, and how will we know?"))
            let saved = try await browser.post("/r/\(token)/s/1", [
                ("option.\(q)", "partially"), ("evidence.\(q)", "Minutes"), ("improvement.\(q)", "Hotel Watch scheme to continue <with police>"),
                ("improvement-lead.\(q)", "Priya Raman"), ("improvement-by.\(q)", "Quarterly meetings"),
                ("improvement-measure.\(q)", "Every hotel signed up"), ("action", "save")], csrf: page.csrf)
            #expect(saved.status == .ok)
            let stored = try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
            #expect(stored.answers.first { $0.questionID == q }?.improvement
                    == Improvement(action: "Hotel Watch scheme to continue <with police>", lead: "Priya Raman", by: "Quarterly meetings",
                                   measure: "Every hotel signed up"))
            let again = try await browser.get("/r/\(token)/s/1")
            #expect(again.body.contains(">Hotel Watch scheme to continue &lt;with police&gt;</textarea>"))
            #expect(again.body.contains("value=\"Quarterly meetings\""))
            #expect(again.body.contains(">Every hotel signed up</textarea>"))
            let check = try await browser.get("/r/\(token)/check")
            #expect(check.body.contains("To improve: Hotel Watch scheme to continue &lt;with police&gt;, led by Priya Raman, by Quarterly meetings, we will know by: Every hotel signed up"))
        }
    }

    @Test func aPageSavedInAnotherTabIsNotOverwrittenUnseen() async throws {
        let fixture = try await WebFixture()
        let token = fixture.owen
        let q = fixture.content.selfAssessment.sections(forRole: "champion").filter { !$0.questions.isEmpty }[0].questions[0].id
        try await fixture.run { browser in
            // Two tabs open the same page; the second saves first.
            let tabA = try await browser.get("/r/\(token)/s/1")
            let tabB = try await browser.get("/r/\(token)/s/1")
            let shown = try #require(tabA.field("version"))
            let b = try await browser.post("/r/\(token)/s/1", [("version", try #require(tabB.field("version"))), ("option.\(q)", "fully"),
                                                               ("evidence.\(q)", "Tab B's evidence"), ("action", "save")], csrf: tabB.csrf)
            #expect(b.status == .ok)
            // The first tab's save comes back with the old version: nothing is overwritten, what it typed is
            // on the page, and the page says what is saved now.
            let a = try await browser.post("/r/\(token)/s/1", [("version", shown), ("option.\(q)", "partially"),
                                                               ("evidence.\(q)", "Tab A's evidence"), ("action", "save")], csrf: tabA.csrf)
            #expect(a.status == .conflict)
            #expect(a.body.contains("changed in another window after you opened this page"))
            #expect(a.body.contains("Tab A&#39;s evidence") || a.body.contains("Tab A's evidence"))
            #expect(a.body.contains("Saved meanwhile for") && (a.body.contains("Tab B&#39;s evidence") || a.body.contains("Tab B's evidence")))
            var stored = try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
            #expect(stored.answers.first { $0.questionID == q }?.evidence == "Tab B's evidence")
            // Saving again from that page, having seen both, keeps tab A's answer.
            let again = try await browser.post("/r/\(token)/s/1", [("version", try #require(a.field("version"))), ("option.\(q)", "partially"),
                                                                   ("evidence.\(q)", "Tab A's evidence"), ("action", "save")], csrf: a.csrf)
            #expect(again.status == .ok)
            stored = try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
            #expect(stored.answers.first { $0.questionID == q }?.evidence == "Tab A's evidence")
        }
    }

    @Test func errorsAreListedLinkedAndKeepWhatWasTyped() async throws {
        let fixture = try await WebFixture()
        let token = fixture.links["gareth.lloyd@riverside.example"]!
        let sections = fixture.content.selfAssessment.sections(forRole: "dso").filter { !$0.questions.isEmpty }
        let naSection = try #require(sections.firstIndex { section in
            section.questions.contains { fixture.content.catalogue.requirement($0.requirementID)?.naAllowed == true }
        })
        let naQuestion = try #require(sections[naSection].questions.first { fixture.content.catalogue.requirement($0.requirementID)?.naAllowed == true })
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(token)/s/\(naSection + 1)")
            let sent = try await browser.post("/r/\(token)/s/\(naSection + 1)", [
                ("option.\(naQuestion.id)", "na"), ("evidence.\(naQuestion.id)", "We have no volunteers"), ("action", "continue"),
            ], csrf: page.csrf)
            #expect(sent.status == .unprocessableContent)
            #expect(sent.body.contains("There is a problem"))
            #expect(sent.body.contains("<a href=\"#\(WebApp.domID(naQuestion.id))-reason\">Say why \(naQuestion.requirementID) does not apply</a>"))
            #expect(sent.body.contains("We have no volunteers"))                          // kept
            #expect(sent.body.contains("<title>Error: "))
            // A value that is not on the form is not stored.
            let forged = try await browser.post("/r/\(token)/s/\(naSection + 1)", [("option.\(naQuestion.id)", "excellent"), ("action", "save")],
                                                csrf: page.csrf)
            #expect(forged.status == .ok)
        }
        let stored = try await fixture.store.returns.find(officerEmail: "gareth.lloyd@riverside.example", auditID: fixture.audit.id)
        #expect(stored.answers.first { $0.questionID == naQuestion.id }?.evidence == "We have no volunteers")
        #expect(!stored.answers.contains { $0.optionValue == "excellent" })
    }

    @Test func submittingAnIncompleteReturnListsWhatIsMissing() async throws {
        let fixture = try await WebFixture()
        let token = fixture.owen
        try await fixture.run { browser in
            let check = try await browser.get("/r/\(token)/check")
            #expect(check.body.contains("Not answered"))
            let refused = try await browser.post("/r/\(token)/submit", [], csrf: check.csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("There is a problem"))
        }
        #expect(try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id).status != .submitted)
    }

    @Test func forgedFormsUnknownLinksAndHugeBodiesAreRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            _ = try await browser.get("/r/\(fixture.owen)/s/1")
            let forged = try await browser.post("/r/\(fixture.owen)/s/1", [("action", "save")], csrf: "not-the-cookie")
            #expect(forged.status == .forbidden)
            let noToken = try await browser.post("/r/\(fixture.owen)/s/1", [("action", "save")], csrf: nil)
            #expect(noToken.status == .forbidden)
            let unknown = try await browser.get("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/s/1")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("This link does not work"))
            let page = try await browser.get("/r/\(fixture.owen)/s/1")
            let huge = String(repeating: "x", count: 600 * 1024)
            let tooBig = try await browser.post("/r/\(fixture.owen)/s/1", [("evidence.Q1", huge)], csrf: page.csrf)
            #expect(tooBig.status == .contentTooLarge)
        }
    }

    @Test func repeatedGuessesAtLinksAreSlowedDown() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let clock = ContinuousClock()
            var last: Duration = .zero
            for guess in 0..<8 {
                let started = clock.now
                let page = try await browser.get("/r/\(String(repeating: "A", count: 42))\(guess % 10)")
                #expect(page.status == .notFound)
                last = clock.now - started
            }
            #expect(last >= .milliseconds(1_400))          // the 8th miss waits 3 x 0.5 s
            // A real link is not made to wait: it answers sooner than the miss did. The quickest of
            // three tries is compared, so that a machine busy with the rest of the suite (browsers
            // included) does not decide it.
            var quickest = Duration.seconds(3_600)
            for _ in 0..<3 {
                let started = clock.now
                #expect(try await browser.get("/r/\(fixture.owen)/s/1").status == .ok)
                quickest = min(quickest, clock.now - started)
            }
            #expect(quickest < last)
        }
    }

    @Test func officerNamesAreEscaped() async throws {
        let fixture = try await WebFixture()
        let token = fixture.links["gareth.lloyd@riverside.example"]!
        try await fixture.run { browser in
            let check = try await browser.get("/r/\(token)/check")
            #expect(check.body.contains("Gareth &lt;b&gt;Lloyd&lt;/b&gt;"))
            #expect(!check.body.contains("<b>Lloyd</b>"))
        }
    }
}
