import Testing
@testable import S11Core

/// The drafter and last year's plan: unfinished actions carried forward with the words and dates
/// that plan gave them, completed ones to the appendix.
extension PlanDrafterTests {
    /// Last year's plan: one objective for R1.2 (a Blue and an Amber action) and one for a
    /// requirement that is no gap this year (a Green action).
    func previousPlan() throws -> Plan {
        let lead = Lead(name: "Alice Ash", role: "strategic-lead")
        func action(_ id: String, _ status: ActionStatus, _ due: String) throws -> PlanAction {
            PlanAction(id: id, status: status, input: "Old \(id)", outcome: "Outcome \(id)", measure: "Measure \(id)",
                       leads: [lead], due: try Fixture.date(due))
        }
        return Plan(organisation: Fixture.organisation, title: "Safeguarding Action Plan January 2026 - December 2026",
                    auditYear: 2025, periodStart: try Fixture.date("2026-01-01"), periodEnd: try Fixture.date("2026-12-31"),
                    documentControl: DocumentControl(owner: "Alice Ash", author: "Alice Ash", version: "1.2",
                                                     lastReviewed: try Fixture.date("2026-06-01"),
                                                     nextReviewDue: try Fixture.date("2026-12-01"), history: []),
                    results: nil, standards: [
                        PlanStandard(standardID: "S1", title: "Leadership", objectives: [
                            Objective(id: "O1", requirementID: "R1.2", title: "Named lead", finding: nil,
                                      actions: [try action("A1.1", .blue, "2026-06-30"), try action("A1.2", .amber, "2026-09-30")]),
                        ]),
                        PlanStandard(standardID: "S2", title: "Policies", objectives: [
                            Objective(id: "O2", requirementID: "R2.1", title: "Policy review", finding: nil,
                                      actions: [try action("A2.1", .green, "2026-12-31")]),
                        ]),
                    ])
    }

    @Test func unfinishedActionsCarryForwardWithTheirOriginalDates() throws {
        var options = self.options
        options.previous = try previousPlan()
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps, officers: Fixture.officers, options: options)
        // R1.2 is a gap again: the Amber action joins this year's objective, not a duplicate one.
        #expect(plan.objectives.filter { $0.requirementID == "R1.2" }.count == 1)
        let o1 = try #require(plan.objectives.first)
        #expect(o1.actions.map(\.input) == ["Appoint a named lead", "Publish the lead's details", "Old A1.2"])
        let carried = try #require(o1.actions.last)
        #expect(carried.id == "A1.3")
        #expect(carried.status == .amber)
        #expect(carried.due == (try Fixture.date("2026-09-30")))
        #expect(carried.carried == CarriedFrom(plan: "Safeguarding Action Plan January 2026 - December 2026",
                                               actionID: "A1.2", originalDue: try Fixture.date("2026-09-30")))
        // R2.1 is no gap this year, but its Green action is unfinished: it keeps its own objective under S2.
        #expect(plan.standards.map(\.standardID) == ["S1", "S2", "S3"])
        let policy = try #require(plan.standards[1].objectives.first)
        #expect(policy.title == "Policy review")
        #expect(policy.id == "O2")
        #expect(policy.actions.map(\.carried?.actionID) == ["A2.1"])
        // The Blue action is in the appendix, with its measure and outcome.
        #expect(plan.completed.map(\.action.id) == ["A1.1"])
        #expect(plan.completed.first?.objective == "Named lead")
        #expect(plan.completed.first?.action.measure == "Measure A1.1")
        #expect(plan.objectives.map(\.id) == ["O1", "O2", "O3"])
    }

    /// An action the previous plan dated in words only keeps its words, no date of s11's making
    /// beside them; the date they meant there is kept as where it came from, marked worked out, and
    /// the action falls due then, not in this plan's October.
    @Test func wordsCarriedForwardStayTheCouncilsWithTheDateTheyMeantMarked() throws {
        var previous = try previousPlan()
        previous.standards[0].objectives[0].actions[1].due = nil
        previous.standards[0].objectives[0].actions[1].timescale = "October"
        var options = self.options
        options.previous = previous
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps, officers: Fixture.officers, options: options)
        let carried = try #require(plan.actions.first { $0.carried?.actionID == "A1.2" })
        #expect(carried.timescale == "October" && carried.due == nil)
        #expect(carried.carried?.originalDue == (try Fixture.date("2026-10-31")) && carried.carried?.dueWorkedOut == true)
        #expect(plan.dueDate(of: carried) == (try Fixture.date("2026-10-31")))
        #expect(carried.carried?.described == "A1.2, due 31 October 2026 (worked out from its timescale)")
        // A date the plan wrote is carried as written, not marked.
        let written = try #require(PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps, officers: Fixture.officers,
                                                                              options: { var o = self.options; o.previous = try previousPlan(); return o }())
            .actions.first { $0.carried?.actionID == "A1.2" })
        #expect(written.due == (try Fixture.date("2026-09-30")) && written.carried?.dueWorkedOut == false)
    }

    @Test func anActionCarriedTwiceKeepsWhereItFirstCameFrom() throws {
        var previous = try previousPlan()
        let first = CarriedFrom(plan: "Safeguarding Action Plan January 2025 - December 2025", actionID: "A9.9",
                                originalDue: try Fixture.date("2025-03-31"))
        previous.standards[1].objectives[0].actions[0].carried = first
        var options = self.options
        options.previous = previous
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps, officers: Fixture.officers, options: options)
        #expect(plan.standards[1].objectives[0].actions[0].carried == first)
    }
}
