import S11Core

/// A plan with every kind of row the committee formats show: each status, a carried action, a
/// progress note, a change history, the appendix, and text that HTML and XML must escape.
enum ReportFixtures {
    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static let hostile = "<script>alert('x')</script> & \"quotes\""

    static let plan = Plan(
        organisation: "Testshire & District Council", title: "Safeguarding Action Plan January 2027 - December 2027",
        auditYear: 2026, periodStart: date("2027-01-01"), periodEnd: date("2027-12-31"),
        documentControl: DocumentControl(owner: "Alice Ash", author: "Ben Birch", version: "1.1",
                                         lastReviewed: date("2027-02-01"), nextReviewDue: date("2027-08-01"),
                                         keyInfluences: ["Corporate Plan", "OSCB Business Plan"],
                                         history: [Revision(version: "1.0", date: date("2027-01-20"), author: "Alice Ash", note: "Signed off by cabinet"),
                                                   Revision(version: "1.1", date: date("2027-02-01"), author: "Ben Birch", note: "Quarter 1 review")]),
        introduction: ["The annual audit is a joint audit between the OSCB and OSAB."],
        results: PlanResults(catalogueID: "test-cat", catalogueVersion: "1.0", returns: 5,
                             overall: Rating(percent: 71.4, rag: .amber),
                             standards: [StandardResult(standardID: "S1", title: "Leadership", rating: Rating(percent: 66.7, rag: .amber),
                                                        moderated: .red, gaps: 1),
                                         StandardResult(standardID: "S2", title: "Training", rating: Rating(percent: 80, rag: .green), gaps: 1),
                                         StandardResult(standardID: "S3", title: "Safer recruitment", rating: Rating(percent: 40, rag: .red), gaps: 0)]),
        priorities: [PlanPriority(objectiveID: "O1", why: "Moderated to Red by the board: no named lead in Housing.")],
        standards: [
            PlanStandard(standardID: "S1", title: "Leadership", objectives: [
                Objective(id: "O1", requirementID: "R1.1", title: "Named lead", finding: "Partially met: Housing (Cara Cole).", actions: [
                    PlanAction(id: "A1.1", status: .green, input: "Appoint a named lead", outcome: "Staff know their lead",
                               measure: "Lead named on the intranet", leads: [Lead(name: "Cara Cole", role: "manager", serviceArea: "Housing")],
                               due: date("2027-06-30"), timescale: "Quarterly meetings", progress: "Interviews booked"),
                    PlanAction(id: "A1.2", status: .red, input: hostile, outcome: "Escaped everywhere", measure: "No script runs",
                               leads: [Lead(name: "Strategic lead", role: "strategic-lead")], due: date("2027-03-31"),
                               history: [ActionChange(at: "2027-02-01T09:00:00Z", by: "Ben Birch", field: "status", old: "A", new: "R")]),
                ]),
            ]),
            PlanStandard(standardID: "S2", title: "Training", objectives: [
                Objective(id: "O2", requirementID: nil, title: "Training plan", finding: nil, actions: [
                    PlanAction(id: "A2.1", status: .amber, input: "Write the training plan", outcome: "A plan", measure: "Plan approved",
                               leads: [Lead(name: "Dan Dale")], due: date("2026-09-30"),
                               carried: CarriedFrom(plan: "Safeguarding Action Plan January 2026 - December 2026", actionID: "A4.2",
                                                    originalDue: date("2026-09-30"))),
                    PlanAction(id: "A2.2", input: "Book refresher courses", outcome: "Current training", measure: "90% in date",
                               leads: [Lead(name: "Eve Elm")], due: date("2027-12-31")),
                ]),
            ]),
        ],
        completed: [CompletedAction(standardID: "S2", standardTitle: "Training", objective: "Induction",
                                    action: PlanAction(id: "A3.1", status: .blue, input: "Add safeguarding to induction",
                                                       outcome: "Every starter briefed", measure: "Induction checklist",
                                                       leads: [Lead(name: "LJ")], due: date("2026-03-31"), progress: "Impact: all starters briefed"))],
        underReview: [ReviewArea(standardID: "S2", standardTitle: "Training", requirementID: "R2.3", title: "Refresher training",
                                 finding: "Partially met: Housing & <Leisure>.")])
}
