import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The coordinator drafts the plan in the browser, changes an action's wording, signs off a
/// version and downloads every export; a board user may read and download, never change.
@Suite struct PlanPagesTests {
    /// Owen submits a return with gaps (Partially met throughout), so there is a plan to draft.
    func fixtureWithReturn() async throws -> WebFixture {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let owen = fixture.questions(for: "owen.price@riverside.example")
        try await fixture.store.returns.saveAnswers(owen.map { Answer(questionID: $0.id, choice: .option("partially"), evidence: "Minutes") },
                                      officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        let officer = try #require(try await fixture.store.officers.all(auditID: fixture.audit.id).first { $0.email == "owen.price@riverside.example" })
        #expect(try await fixture.app.session(fixture.audit).returns.submit(officer: officer).isEmpty)
        return fixture
    }

    /// Drafts the audit's plan from the plan page, signed in as the coordinator.
    func draft(_ browser: Browser, _ id: Int64) async throws {
        let empty = try await browser.get("/admin/audits/\(id)/plan")
        #expect(try await browser.post("/admin/audits/\(id)/plan/draft", [], csrf: empty.csrf).status == .seeOther)
    }

    @Test func theLeadDraftsChangesAnActionsWordingSignsOffAndDownloads() async throws {
        let fixture = try await fixtureWithReturn()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let audit = try await browser.get("/admin/audits/\(id)")
            #expect(audit.body.contains("class=\"task-list\"") && audit.body.contains("Not drafted"))
            let empty = try await browser.get("/admin/audits/\(id)/plan")
            #expect(empty.body.contains("Draft the plan"))
            let drafted = try await browser.post("/admin/audits/\(id)/plan/draft", [], csrf: empty.csrf)
            #expect(drafted.location == "/admin/audits/\(id)/plan?drafted=first")
            let plan = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
            let action = try #require(plan.actions.first)
            #expect(plan.documentControl.author == "lead@riverside.example")

            // Partially met throughout is more gaps than a plan takes on: the rest are listed under review.
            #expect(plan.objectives.count == PlanDrafter.Options.seedsObjectives)
            let kept = try #require(plan.underReview.first)
            let page = try await browser.get("/admin/audits/\(id)/plan")
            #expect(page.body.contains("<h2>Areas to keep under review</h2>") && page.body.contains("\(kept.title) <span class=\"hint\">(\(kept.requirementID))</span>"))

            // Change the wording: the action, its timescale in words; the rest as it was.
            let form = try await browser.get("/admin/audits/\(id)/plan/actions/\(action.id)")
            #expect(form.body.contains("<h1>Action \(action.id)</h1>") && form.body.contains("<h2>Record progress</h2>"))
            let bad = try await browser.post("/admin/audits/\(id)/plan/actions/\(action.id)",
                                             [("input", ""), ("outcome", action.outcome ?? ""), ("measure", action.measure ?? ""), ("lead", action.leadNames),
                                              ("due", "31/03/2027"), ("timescale", "")], csrf: form.csrf)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Write the action") && bad.body.contains("Write the due date as YYYY-MM-DD"))
            let saved = try await browser.post("/admin/audits/\(id)/plan/actions/\(action.id)",
                                               [("input", "Hotel Watch scheme to continue <with the police>"), ("outcome", action.outcome ?? ""),
                                                ("measure", action.measure ?? ""), ("lead", action.leadNames), ("due", action.due?.iso ?? ""),
                                                ("timescale", "Quarterly meetings")], csrf: form.csrf)
            #expect(saved.status == .seeOther)
            let changed = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year)?
                .actions.first { $0.id == action.id })
            #expect(changed.input == "Hotel Watch scheme to continue <with the police>")
            #expect(changed.timescale == "Quarterly meetings")
            #expect(changed.history.map(\.field) == ["action", "timescale"])
            #expect(changed.history.first?.old == action.input && changed.history.first?.by == "lead@riverside.example")
            // The same changes are in the audit's trail, with who made them.
            let planEntries = try await fixture.store.trail.entries(auditID: id, item: action.id)
            #expect(planEntries.map { "\($0.who) \($0.subject.rawValue) \($0.field ?? "")" } == ["lead@riverside.example plan action", "lead@riverside.example plan timescale"])
            #expect(planEntries.first?.new == "Hotel Watch scheme to continue <with the police>")
            let after = try await browser.get("/admin/audits/\(id)/plan")
            #expect(after.body.contains("Hotel Watch scheme to continue &lt;with the police&gt;"))
            #expect(after.body.contains("Quarterly meetings"))

            // Sign off version 1.0 with a note; the history shows it, and the choices step on from 1.0.
            #expect(after.body.contains("A minor version (0.1 to 0.2): changes while the plan is in draft"))
            #expect(after.body.contains("A major version (0.1 to 1.0): the plan is agreed"))
            let noNote = try await browser.post("/admin/audits/\(id)/plan/version", [("major", "yes")], csrf: after.csrf)
            #expect(noNote.status == .unprocessableContent && noNote.body.contains("Say why the version changes"))
            let signed = try await browser.post("/admin/audits/\(id)/plan/version", [("major", "yes"), ("note", "Signed off by cabinet")],
                                                csrf: after.csrf)
            #expect(signed.body.contains("The plan is now version 1.0."))
            #expect(signed.body.contains("Signed off by cabinet"))
            #expect(signed.body.contains("A minor version (1.0 to 1.1): changes to the agreed plan"))
            #expect(signed.body.contains("A major version (1.0 to 2.0): the plan is agreed again"))

            // Every export downloads, named and typed; the board XML carries the new wording and version.
            let downloads = try await browser.get("/admin/audits/\(id)/downloads")
            for name in ["plan-2026.docx", "plan-2026.html", "plan-2026.csv", "plan-2026.xml", "plan-2026-poam.xml", "board-report.html",
                         "scorecard.csv", "scorecard.json", "responses.csv", "staff-responses.csv"] {
                #expect(downloads.body.contains("/admin/audits/\(id)/downloads/\(name)"), "\(name)")
                let file = try await browser.get("/admin/audits/\(id)/downloads/\(name)")
                #expect(file.status == .ok, "\(name)")
                #expect(file.headers[.contentDisposition] == "attachment; filename=\"\(name)\"")
            }
            let word = try await browser.get("/admin/audits/\(id)/downloads/plan-2026.docx")
            #expect(word.body.hasPrefix("PK"))                                            // a zip: the .docx package
            #expect(word.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            let answers = try await browser.get("/admin/audits/\(id)/downloads/responses.csv")
            #expect(answers.body.hasPrefix("officer,email,role") && answers.body.contains("owen.price@riverside.example"))
            let xml = try await browser.get("/admin/audits/\(id)/downloads/plan-2026.xml")
            #expect(xml.body.contains("Hotel Watch scheme to continue &lt;with the police&gt;"))
            #expect(xml.body.contains("version=\"1.0\"") || xml.body.contains("<version>1.0</version>"))
            #expect(try await browser.get("/admin/audits/\(id)/downloads/secrets.txt").status == .notFound)
            let task = try await browser.get("/admin/audits/\(id)")
            #expect(task.body.contains("Version 1.0"))
        }
    }

    /// The plan page shows the board's priorities and edits the key influences the summary lists,
    /// one a line; the printable plan opens with that summary.
    @Test func theLeadEditsTheKeyInfluencesTheBoardsSummaryLists() async throws {
        let fixture = try await fixtureWithReturn()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            try await draft(browser, id)
            let page = try await browser.get("/admin/audits/\(id)/plan")
            #expect(page.body.contains("<h3>Priorities</h3>") && page.body.contains("Rated "))
            #expect(page.body.contains("The 2026 safeguarding self-assessment audit"))
            let saved = try await browser.post("/admin/audits/\(id)/plan/influences",
                                               [("influences", "Corporate Plan\r\n\r\n  Thames Safeguarding Children Partnership business plan\r\n")],
                                               csrf: page.csrf)
            #expect(saved.body.contains("Saved the key influences."))
            let plan = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
            #expect(plan.documentControl.keyInfluences == ["Corporate Plan", "Thames Safeguarding Children Partnership business plan"])
            // The same again changes nothing, and says so beside the box.
            let same = try await browser.post("/admin/audits/\(id)/plan/influences",
                                              [("influences", "Corporate Plan\nThames Safeguarding Children Partnership business plan")], csrf: page.csrf)
            #expect(same.status == .unprocessableContent && same.body.contains("id=\"influences-error\""))
            let printed = try await browser.get("/admin/audits/\(id)/plan/print")
            let summary = try #require(printed.body.range(of: "id=\"summary\""))
            let influence = try #require(printed.body.range(of: "<li>Thames Safeguarding Children Partnership business plan</li>"))
            let actions = try #require(printed.body.range(of: "id=\"plan\""))
            #expect(summary.lowerBound < influence.lowerBound && influence.lowerBound < actions.lowerBound)
        }
    }

    @Test func objectivesAreEditedAndAddedAndActionsAddedMergedAndRemoved() async throws {
        let fixture = try await fixtureWithReturn()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            try await draft(browser, id)
            let drafted = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
            let objective = try #require(drafted.objectives.first)
            let page = try await browser.get("/admin/audits/\(id)/plan/objectives/\(objective.id)")
            #expect(page.body.contains("Objective \(objective.id)") && page.body.contains("id=\"new-input\""))
            // The objective's wording.
            _ = try await browser.post("/admin/audits/\(id)/plan/objectives/\(objective.id)",
                                       [("title", "Safeguarding is led from the top"), ("finding", objective.finding ?? "")], csrf: page.csrf)
            // An action added, with an error first.
            let bad = try await browser.post("/admin/audits/\(id)/plan/objectives/\(objective.id)/actions",
                                             [("input", "Hotel Watch scheme to continue"), ("outcome", ""), ("measure", "Meetings held"),
                                              ("lead", "Priya Raman"), ("due", ""), ("timescale", "")], csrf: page.csrf)
            // The desired outcome may be left out, as the seeds do; when it is due may not.
            #expect(bad.status == .unprocessableContent && bad.body.contains("href=\"#new-timescale\""))
            #expect(!bad.body.contains("href=\"#new-outcome\""))
            #expect(bad.body.contains("Hotel Watch scheme to continue"))                      // what was typed is kept
            _ = try await browser.post("/admin/audits/\(id)/plan/objectives/\(objective.id)/actions",
                                       [("input", "Hotel Watch scheme to continue"), ("outcome", "Hotels report concerns"), ("measure", "Meetings held"),
                                        ("lead", "Priya Raman"), ("due", "2027-06-30"), ("timescale", "Quarterly meetings")], csrf: page.csrf)
            var plan = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
            let added = try #require(plan.objectives.first?.actions.last)
            #expect(added.input == "Hotel Watch scheme to continue" && added.timescale == "Quarterly meetings")
            #expect(plan.objectives.first?.title == "Safeguarding is led from the top")
            // Merged into the first action: one action naming both leads.
            let first = try #require(plan.objectives.first?.actions.first)
            // Merging asks first, saying what the other action becomes; asking changes nothing.
            let unchosen = try await browser.get("/admin/audits/\(id)/plan/actions/\(added.id)/merge?into=")
            #expect(unchosen.status == .unprocessableContent && unchosen.body.contains("Choose the action to merge \(added.id) into"))
            let ask = try await browser.get("/admin/audits/\(id)/plan/actions/\(added.id)/merge?into=\(first.id)")
            #expect(ask.body.contains("Merge \(added.id) into \(first.id)?") && ask.body.contains("stays, led by ") && ask.body.contains("Priya Raman"))
            #expect(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year)?.actions.contains { $0.id == added.id } == true)
            let merged = try await browser.post("/admin/audits/\(id)/plan/actions/\(added.id)/merge", [("into", first.id)], csrf: page.csrf)
            #expect(merged.body.contains("Merged \(added.id) into \(first.id)."))
            plan = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
            #expect(plan.actions.first?.leadNames.contains("Priya Raman") == true && !plan.actions.contains { $0.id == added.id })
            // An objective that is not from the audit, under a standard chosen from the audit's.
            let form = try await browser.get("/admin/audits/\(id)/plan/objectives/new")
            // The objective's box opens empty (not with the page's own title in it).
            #expect(form.body.contains("<textarea id=\"title\" name=\"title\" rows=\"2\"></textarea>"))
            let missing = try await browser.post("/admin/audits/\(id)/plan/objectives/new", [("standard", "S1")], csrf: form.csrf)
            #expect(missing.status == .unprocessableContent && missing.body.contains("Say where it comes from"))
            #expect(missing.body.contains("<a href=\"#title\">Write the objective</a>"))
            let made = try await browser.post("/admin/audits/\(id)/plan/objectives/new",
                                              [("standard", "S1"), ("source", "Serious case review learning point"),
                                               ("title", "Learning from the Child T review"), ("input", "Brief every DSO on the review"),
                                               ("outcome", "Learning applied"), ("measure", "Briefing notes"), ("lead", "Margaret Okafor"),
                                               ("due", "2027-09-30")], csrf: form.csrf)
            #expect(made.location?.contains("/plan/objectives/O") == true)
            let shown = try await browser.get("/admin/audits/\(id)/plan")
            #expect(shown.body.contains("Learning from the Child T review") && shown.body.contains("(from: Serious case review learning point)"))
            let xml = try await browser.get("/admin/audits/\(id)/downloads/plan-2026.xml")
            #expect(xml.status == .ok && xml.body.contains("source=\"Serious case review learning point\""))
        }
    }

    /// Removing an action and drafting the plan again each ask first and say what is lost; the
    /// new draft takes the options chosen.
    @Test func removingAnActionAndDraftingAgainAskFirst() async throws {
        let fixture = try await fixtureWithReturn()
        let id = fixture.audit.id
        let stored: @Sendable () async throws -> Plan = {
            try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
        }
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let empty = try await browser.get("/admin/audits/\(id)/plan")
            #expect(empty.body.contains("id=\"start\" name=\"start\" value=\"2027-01-01\"") && !empty.body.contains("These are lost"))
            #expect(try await browser.get("/admin/audits/\(id)/plan/redraft").location == "/admin/audits/\(id)/plan")   // nothing to draft again yet
            let first = try await browser.post("/admin/audits/\(id)/plan/draft", [("start", "2027-04-01"), ("most", "5")], csrf: empty.csrf)
            #expect(first.location == "/admin/audits/\(id)/plan?drafted=first")
            #expect(try await browser.get(try #require(first.location)).body.contains("Drafted the plan: 5 objectives and "))
            var plan = try await stored()
            #expect(plan.objectives.count == 5 && plan.periodStart.iso == "2027-04-01")
            let action = try #require(plan.actions.first)
            let page = try await browser.get("/admin/audits/\(id)/plan/actions/\(action.id)")
            #expect(page.body.contains("href=\"/admin/audits/\(id)/plan/actions/\(action.id)/remove\""))
            let ask = try await browser.get("/admin/audits/\(id)/plan/actions/\(action.id)/remove")
            #expect(ask.body.contains("Remove action \(action.id)?") && ask.body.contains("leaves the plan") && ask.body.contains("Keep \(action.id)"))
            #expect(try await stored().actions.contains { $0.id == action.id })
            let removed = try await browser.post("/admin/audits/\(id)/plan/actions/\(action.id)/remove", [], csrf: page.csrf)
            #expect(removed.body.contains("Removed \(action.id); its wording is kept"))
            plan = try await stored()
            #expect(!plan.actions.contains { $0.id == action.id })

            // Drafting again: the question says what is lost; without the answer the plan stays.
            let again = try await browser.get("/admin/audits/\(id)/plan/redraft")
            #expect(again.body.contains("Draft the plan again") && again.body.contains("These are lost:") && again.body.contains("1 recorded change"))
            let unasked = try await browser.post("/admin/audits/\(id)/plan/draft", [("start", "2027-01-01")], csrf: again.csrf)
            #expect(unasked.location == "/admin/audits/\(id)/plan/redraft")
            #expect(try await stored() == plan)
            let bad = try await browser.post("/admin/audits/\(id)/plan/draft", [("start", "April 2027"), ("most", "none"), ("replace", "yes")],
                                             csrf: again.csrf)
            #expect(bad.status == .unprocessableContent && bad.body.contains("Write the plan&#39;s first day as YYYY-MM-DD")
                    && bad.body.contains("Write the most objectives as a whole number"))
            #expect(bad.body.contains("value=\"April 2027\""))
            #expect(try await stored() == plan)
            let redrafted = try await browser.post("/admin/audits/\(id)/plan/draft", [("start", "2027-01-01"), ("most", "20"), ("replace", "yes")],
                                                   csrf: again.csrf)
            #expect(try await browser.get(try #require(redrafted.location)).body.contains("Drafted the plan again: 20 objectives"))
            plan = try await stored()
            #expect(plan.objectives.count == 20 && plan.actions.contains { $0.id == action.id } && plan.objectives.allSatisfy { $0.history.isEmpty })
        }
    }

    @Test func aBoardUserReadsAndDownloadsThePlanButChangesNothingAndGetsNoScorecardFiles() async throws {
        let fixture = try await fixtureWithReturn()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            try await draft(browser, id)
        }
        let action = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year)?.actions.first)
        try await fixture.run { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let downloads = try await browser.get("/admin/audits/\(id)/downloads")
            #expect(downloads.body.contains("plan-2026.docx") && !downloads.body.contains("scorecard.csv"))
            #expect(!downloads.body.contains("<a href=\"/admin/audits/\(id)\">"), "a board user has no task list to go back to")
            #expect(try await browser.get("/admin/audits/\(id)/downloads/plan-2026.xml").status == .ok)
            #expect(try await browser.get("/admin/audits/\(id)/downloads/scorecard.csv").status == .notFound)
            #expect(try await browser.get("/admin/audits/\(id)/downloads/scorecard.json").status == .notFound)
            #expect(try await browser.get("/admin/audits/\(id)/downloads/responses.csv").status == .notFound)   // officers' names and evidence
            #expect(try await browser.get("/admin/audits/\(id)/downloads/staff-responses.csv").status == .notFound)
            let report = try await browser.get("/admin/audits/\(id)/downloads/board-report.html")
            #expect(report.status == .ok && !report.body.contains("Owen Price"))
            #expect(try await browser.get("/admin/audits/\(id)/plan/actions/\(action.id)").status == .notFound)
            let refused = try await browser.post("/admin/audits/\(id)/plan/actions/\(action.id)",
                                                 [("input", "Changed by the board"), ("outcome", "x"), ("measure", "x"), ("lead", "x"),
                                                  ("due", "2027-01-01")], csrf: downloads.csrf)
            #expect(refused.status == .notFound)
            let version = try await browser.post("/admin/audits/\(id)/plan/version", [("note", "Board sign-off")], csrf: downloads.csrf)
            #expect(version.status == .notFound)
            for path in ["plan/objectives/O1", "plan/objectives/O1/actions", "plan/objectives/new", "plan/actions/\(action.id)/remove",
                         "plan/actions/\(action.id)/merge"] {
                let refused = try await browser.post("/admin/audits/\(id)/\(path)", [("title", "Board's"), ("into", action.id)], csrf: downloads.csrf)
                #expect(refused.status == .notFound, "\(path)")
            }
        }
        let plan = try #require(try await fixture.store.plans.find(organisation: fixture.audit.organisation, year: fixture.audit.year))
        #expect(plan.actions.first?.input == action.input && plan.documentControl.version == "0.1")
    }
}
