import Testing
@testable import S11Core

/// A plan's shape changed after drafting: objectives edited and added, actions added, removed and
/// merged, every change kept with who, when, old and new.
@Suite("Plan structure edits")
struct PlanStructureTests {
    let updater = PlanUpdater(by: "Alice Ash", at: "2027-03-01T10:15:00Z")

    func new(_ input: String, lead: String = "Dev Shah") throws -> PlanUpdater.NewAction {
        .init(input: input, outcome: "Safer", measure: "Audit", lead: lead, due: try Fixture.date("2027-06-30"), timescale: "All year")
    }

    @Test func anObjectivesWordingChangesAndIsKept() throws {
        let plan = try updater.editObjective(PlanUpdaterTests().plan(), objectiveID: "o1", title: "A named lead in every team", finding: "")
        let objective = try #require(plan.objectives.first)
        #expect(objective.title == "A named lead in every team" && objective.finding == nil)
        #expect(objective.history == [ActionChange(at: updater.at, by: "Alice Ash", field: "title", old: "Named lead", new: "A named lead in every team")])
        #expect(throws: PlanUpdateError.self) { try updater.editObjective(plan, objectiveID: "O1", title: "A named lead in every team", finding: nil) }
        #expect(throws: PlanUpdateError.self) { try updater.editObjective(plan, objectiveID: "O9", title: "x", finding: nil) }
    }

    @Test func actionsAreAddedRemovedAndMerged() throws {
        var plan = try updater.addAction(PlanUpdaterTests().plan(), objectiveID: "O1", try new("Hotel Watch scheme to continue"))
        #expect(plan.actions.map(\.id) == ["A1.1", "A1.2", "A1.3", "A1.4"])
        #expect(plan.actions.last?.timescale == "All year" && plan.actions.last?.history.first?.field == "added")
        // Merging A1.4 into A1.1: one action, its lead still answering for it and A1.4's named with
        // them, the folded wording in the history.
        plan = try updater.mergeAction(plan, actionID: "A1.4", into: "A1.1")
        let kept = try #require(plan.actions.first { $0.id == "A1.1" })
        #expect(plan.actions.map(\.id) == ["A1.1", "A1.2", "A1.3"])
        #expect(kept.leadNames == "Cara Cole (Housing); with Dev Shah")
        #expect(kept.history.contains(ActionChange(at: updater.at, by: "Alice Ash", field: "merged", old: "A1.4: Hotel Watch scheme to continue", new: nil)))
        plan = try updater.removeAction(plan, actionID: "A1.3")
        #expect(plan.objectives[0].history.last == ActionChange(at: updater.at, by: "Alice Ash", field: "action-removed", old: "A1.3: Train", new: nil))
        #expect(throws: PlanUpdateError.self) { try updater.mergeAction(plan, actionID: "A1.1", into: "A1.1") }
        plan = try updater.removeAction(plan, actionID: "A1.2")
        #expect(throws: PlanUpdateError.self) { try updater.removeAction(plan, actionID: "A1.1") }   // an objective keeps one action
    }

    @Test func anObjectiveFromAnotherSourceJoinsThePlan() throws {
        let plan = try updater.addObjective(PlanUpdaterTests().plan(), standardID: "S1", title: "Learning from the Child T review",
                                            finding: nil, source: "Serious case review learning point", action: try new("Brief every DSO"))
        let objective = try #require(plan.objectives.last)
        #expect(objective.id == "O2" && objective.source == "Serious case review learning point" && objective.requirementID == nil)
        #expect(objective.actions.map(\.id) == ["A2.1"])
        #expect(throws: PlanUpdateError.self) {
            try updater.addObjective(plan, standardID: "S42", title: "x", finding: nil, source: "Board", action: try new("y"))
        }
    }
}
