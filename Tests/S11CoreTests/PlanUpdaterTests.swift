import Testing
@testable import S11Core

@Suite("Plan updates through the year")
struct PlanUpdaterTests {
    let updater = PlanUpdater(by: "Alice Ash", at: "2027-03-01T10:15:00Z")

    func plan() throws -> Plan {
        let lead = Lead(name: "Cara Cole", role: "manager", serviceArea: "Housing")
        return Plan(organisation: Fixture.organisation, title: "Plan", auditYear: 2026,
                    periodStart: try Fixture.date("2027-01-01"), periodEnd: try Fixture.date("2027-12-31"),
                    documentControl: DocumentControl(owner: "Alice Ash", author: "Alice Ash", version: "0.1",
                                                     lastReviewed: try Fixture.date("2026-11-15"),
                                                     nextReviewDue: try Fixture.date("2027-05-15"), history: []),
                    results: nil, standards: [
                        PlanStandard(standardID: "S1", title: "Leadership", objectives: [
                            Objective(id: "O1", requirementID: "R1.1", title: "Named lead", finding: nil, actions: [
                                PlanAction(id: "A1.1", input: "Appoint", outcome: "Known", measure: "List", leads: [lead],
                                           due: try Fixture.date("2027-03-31")),
                                PlanAction(id: "A1.2", status: .blue, input: "Publish", outcome: "Known", measure: "Page",
                                           leads: [lead], due: try Fixture.date("2027-01-31")),
                                PlanAction(id: "A1.3", status: .red, input: "Train", outcome: "Skilled", measure: "Records",
                                           leads: [lead], due: try Fixture.date("2027-02-28")),
                            ]),
                        ]),
                    ])
    }

    @Test func everyChangedFieldIsKeptWithWhoAndWhen() throws {
        let updated = try updater.update(plan(), actionID: "A1.1", change: .init(
            status: .amber, progress: "Two areas still to name a DSO", due: try Fixture.date("2027-04-30")))
        let action = try #require(updated.actions.first)
        #expect(action.status == .amber)
        #expect(action.progress == "Two areas still to name a DSO")
        #expect(action.due == (try Fixture.date("2027-04-30")))
        #expect(action.history == [
            ActionChange(at: "2027-03-01T10:15:00Z", by: "Alice Ash", field: "status", old: nil, new: "A"),
            ActionChange(at: "2027-03-01T10:15:00Z", by: "Alice Ash", field: "progress", old: nil, new: "Two areas still to name a DSO"),
            ActionChange(at: "2027-03-01T10:15:00Z", by: "Alice Ash", field: "due", old: "2027-03-31", new: "2027-04-30"),
        ])
        // A second update adds to the history rather than replacing it.
        let again = try PlanUpdater(by: "Ben Birch", at: "2027-05-02T09:00:00Z")
            .update(updated, actionID: "a1.1", change: .init(status: .blue, lead: "Dan Dale"))
        let done = try #require(again.actions.first)
        #expect(done.history.count == 5)
        #expect(done.history.last == ActionChange(at: "2027-05-02T09:00:00Z", by: "Ben Birch", field: "lead", old: "Cara Cole (Housing)", new: "Dan Dale"))
        #expect(done.leadNames == "Dan Dale")
    }

    /// Each lead keeps their own status and progress, as the boards track them, apart from the action's.
    @Test func aLeadsOwnStatusAndProgressAreTheirs() throws {
        var plan = try plan()
        plan.standards[0].objectives[0].actions[0].leads.append(Lead(name: "Dev Shah"))
        let updated = try updater.update(plan, actionID: "A1.1", change: .init(status: .red, progress: "No DSO yet", forLead: "dev shah"))
        let action = try #require(updated.actions.first)
        #expect(action.status == nil && action.progress == nil)
        #expect(action.leads[1].status == .red && action.leads[1].progress == "No DSO yet" && action.leads[0].status == nil)
        #expect(action.history.map(\.new) == ["Dev Shah: R", "Dev Shah: No DSO yet"])
        #expect(throws: PlanUpdateError.self) { try updater.update(plan, actionID: "A1.1", change: .init(status: .green, forLead: "Eve Elm")) }
    }

    /// Naming the leads again keeps each one still named as they were (their service area, status
    /// and progress), adds the new, and drops the rest; a date taken away leaves the words to say when.
    @Test func leadsAreNamedWithSemicolonsAndKeepTheirOwnProgress() throws {
        var plan = try plan()
        plan.standards[0].objectives[0].actions[0].leads[0].status = .amber
        plan.standards[0].objectives[0].actions[0].leads[0].progress = "Two teams left"
        let updated = try updater.update(plan, actionID: "A1.1", change: .init(lead: "Dev Shah; Cara Cole (Housing)"))
        let action = try #require(updated.actions.first)
        #expect(action.leads.map(\.name) == ["Dev Shah", "Cara Cole"])
        #expect(action.leads[1].status == .amber && action.leads[1].progress == "Two teams left" && action.leads[1].serviceArea == "Housing")
        #expect(throws: PlanUpdateError.self) { try updater.update(plan, actionID: "A1.1", change: .init(lead: " ; ")) }
        // No date and no words: refused; words, then the date taken away: due when the words say.
        #expect(throws: PlanUpdateError.self) { try updater.update(plan, actionID: "A1.1", change: .init(removeDue: true)) }
        let worded = try updater.update(plan, actionID: "A1.1", change: .init(timescale: "June 2027", removeDue: true))
        let undated = try #require(worded.actions.first)
        #expect(try undated.due == nil && worded.dueDate(of: undated) == Fixture.date("2027-06-30"))
    }

    /// "with NAME" names someone working with the lead who answers for the action; an action needs
    /// one who answers for it.
    @Test func aLeadNamedWithWorksOnTheActionWithoutAnsweringForIt() throws {
        let plan = try plan()
        let updated = try updater.update(plan, actionID: "A1.1", change: .init(lead: "Dev Shah; with Cara Cole (Housing)"))
        let action = try #require(updated.actions.first)
        #expect(action.leads.map(\.isSupporting) == [false, true] && action.leads[1].serviceArea == "Housing")
        #expect(action.leadNames == "Dev Shah; with Cara Cole (Housing)")
        #expect(throws: PlanUpdateError.self) { try updater.update(plan, actionID: "A1.1", change: .init(lead: "with Dev Shah")) }
    }

    @Test func anUnknownActionOrNoChangeIsRefused() throws {
        #expect(throws: PlanUpdateError.self) { try updater.update(plan(), actionID: "A9.9", change: .init(status: .green)) }
        do {
            _ = try updater.update(plan(), actionID: "A1.2", change: .init(status: .blue))
            Issue.record("a change to the same value was accepted")
        } catch {
            #expect("\(error)".contains("nothing changes for A1.2"))
        }
    }

    @Test func overdueListsActionsPastTheirDateThatAreNotBlue() throws {
        let day = try Fixture.date("2027-03-01")
        // A1.1 due 31 March: not yet; A1.2 past but Blue; A1.3 past and Red.
        #expect(PlanUpdater.overdue(in: try plan(), on: day).map(\.action.id) == ["A1.3"])
        #expect(PlanUpdater.overdue(in: try plan(), on: try Fixture.date("2027-04-01")).map(\.action.id) == ["A1.1", "A1.3"])
    }

    @Test func bumpingTheVersionRecordsWhy() throws {
        let day = try Fixture.date("2027-01-20")
        let minor = try updater.bumpVersion(plan(), note: "Comments from the safeguarding officers' group", on: day)
        #expect(minor.documentControl.version == "0.2")
        #expect(minor.documentControl.lastReviewed == day)
        #expect(minor.documentControl.nextReviewDue == (try Fixture.date("2027-07-20")))
        #expect(minor.documentControl.history.last == Revision(version: "0.2", date: day, author: "Alice Ash",
                                                               note: "Comments from the safeguarding officers' group"))
        let signed = try updater.bumpVersion(minor, note: "Signed off by cabinet", on: day, major: true)
        #expect(signed.documentControl.version == "1.0")
        #expect(signed.documentControl.history.map(\.version) == ["0.2", "1.0"])
        #expect(throws: PlanUpdateError.self) { try updater.bumpVersion(plan(), note: "  ", on: day) }
    }
}
