import Testing
@testable import S11Core

/// Plan scenario (all answers evidenced, no examples):
///
/// | officer (area, role)                | Q1.1  | Q1.2      | Q2.1   | Q2.2  | Q3.1      |
/// |-------------------------------------|-------|-----------|--------|-------|-----------|
/// | Alice (Adult Social Care, lead)     | fully | fully     | fully  | fully |           |
/// | Ben (Children's Services, dso)      | fully | fully     |        |       | partially |
/// | Cara (Housing, manager)             | fully | fully     | mostly | fully |           |
/// | Dan (Housing, dso)                  | fully | fully     |        |       | not-met   |
/// | Eve (Children's Services, dso)      | fully | partially |        |       | fully     |
///
/// R1.1 100 Green (capped: no example), not a gap.
/// R1.2 (4 * 100 + 33.33) / 5 = 86.67 Green, but Eve answered partially: gap. Weakest area
///      Children's Services (Ben 100 + Eve 33.33) / 2 = 66.67. Lead role strategic-lead is not
///      there, so the lead is the lowest-scoring officer there: Eve (33.33) before Ben (100).
/// R2.1 (100 + 66.67) / 2 = 83.33, R2.2 100: S2 has no gaps.
/// R3.1 (33.33 + 0 + 100) / 3 = 44.44 Red: gap. Weakest area Housing (Dan 0) vs Children's 66.67.
///      Lead role manager: Cara is Housing's manager, so she leads, though Dan scored lower.
@Suite("Plan drafter")
struct PlanDrafterTests {
    let card: Scorecard
    let gaps: [Gap]
    let options: PlanDrafter.Options

    init() throws {
        func a(_ q: String, _ o: String) -> Answer { Fixture.answer(q, o) }
        card = Fixture.score([
            Fixture.ret(Fixture.alice, [a("Q1.1", "fully"), a("Q1.2", "fully"), a("Q2.1", "fully"), a("Q2.2", "fully")]),
            Fixture.ret(Fixture.ben, [a("Q1.1", "fully"), a("Q1.2", "fully"), a("Q3.1", "partially")]),
            Fixture.ret(Fixture.cara, [a("Q1.1", "fully"), a("Q1.2", "fully"), a("Q2.1", "mostly"), a("Q2.2", "fully")]),
            Fixture.ret(Fixture.dan, [a("Q1.1", "fully"), a("Q1.2", "fully"), a("Q3.1", "not-met")]),
            Fixture.ret(Fixture.eve, [a("Q1.1", "fully"), a("Q1.2", "partially"), a("Q3.1", "fully")]),
        ])
        gaps = GapFinder().gaps(in: card)
        options = PlanDrafter.Options(start: try Fixture.date("2027-01-01"), today: try Fixture.date("2026-11-15"))
    }

    /// The content with a smallest group of one, so that these tests see the lead rules with every
    /// area named; `smallAreasAreNamedNowhereBesideALead` tests the default.
    static let everyArea: AuditContent = {
        var content = Fixture.content
        content.selfAssessment.smallestGroup = 1
        return content
    }()

    @Test func smallAreasAreNamedNowhereBesideALead() throws {
        // R3.1: in Housing only Dan answered (not met); Cara, Housing's manager, leads without her area.
        let plan = PlanDrafter(content: Fixture.content).draft(card: card, gaps: gaps, officers: Fixture.officers, options: options)
        let o2 = try #require(plan.objectives.last)
        #expect(o2.actions.first?.leadNames == "Cara Cole; with Ben Birch (Children's Services)")
        // Dan's Housing answer is counted, never named, and his evidence is not quoted.
        #expect(o2.finding == """
            R3.1: Statement R3.1
            Rated Red (44.4%): of the two service areas that answer it, one partly meets it (Children's Services) and one does not meet it, while some officers say it is fully met.
            Evidence, Children's Services: “Minutes of the board”
            """, "\(o2.finding ?? "")")
    }

    func draft(gaps: [Gap]? = nil, officers: [Officer] = Fixture.officers) -> Plan {
        PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps ?? self.gaps, officers: officers, options: options)
    }

    @Test func scenarioHasTheExpectedGaps() {
        #expect(gaps.map(\.requirementID) == ["R1.2", "R3.1"])
        #expect(gaps.first?.weakestServiceArea == "Children's Services")
        #expect(gaps.last?.weakestServiceArea == "Housing")
    }

    @Test func oneObjectivePerGapUnderItsStandardInCatalogueOrder() {
        // The gaps are handed over backwards; the plan still follows the catalogue.
        let plan = draft(gaps: gaps.reversed())
        #expect(plan.standards.map(\.standardID) == ["S1", "S3"])   // S2 has no gaps: absent
        #expect(plan.standards.map(\.title) == ["Leadership", "Training"])
        #expect(plan.standards.map { $0.objectives.map(\.requirementID) } == [["R1.2"], ["R3.1"]])
        #expect(plan.objectives.map(\.id) == ["O1", "O2"])
    }

    @Test func actionsAreCopiedFromTheTemplate() throws {
        let plan = draft()
        let o1 = try #require(plan.objectives.first)
        #expect(o1.title == "Named lead")
        #expect(o1.actions.map(\.id) == ["A1.1", "A1.2"])
        #expect(o1.actions.map(\.input) == ["Appoint a named lead", "Publish the lead's details"])
        #expect(o1.actions.allSatisfy { $0.outcome == "Outcome of Named lead" && $0.measure == "Measure of Named lead" })
        #expect(o1.actions.allSatisfy { $0.status == nil && $0.progress == nil })
        #expect(plan.actions.count == 3)   // R1.2: two template actions; R3.1: one, led in both areas
    }

    @Test func aRequirementFailingInSeveralAreasIsOneActionWithEachAreasLead() throws {
        // R3.1: Dan (Housing) not met, Ben (Children's Services) partially: both areas fall short.
        let o2 = try #require(draft().objectives.last)
        #expect(o2.requirementID == "R3.1")
        #expect(o2.actions.map(\.id) == ["A2.1"])
        #expect(o2.actions.map(\.input) == ["Write a training plan"])
        // Housing's manager holds the requirement's lead role and answers for it; Children's lowest
        // scorer is named with her, so that both failing areas own the action.
        #expect(o2.actions.first?.leads == [Lead(name: "Cara Cole", role: "manager", serviceArea: "Housing"),
                                            Lead(name: "Ben Birch", role: "dso", serviceArea: "Children's Services", isSupporting: true)])
        #expect(o2.actions.first?.leadNames == "Cara Cole (Housing); with Ben Birch (Children's Services)")
    }

    @Test func oneOfficerLeadingInSeveralAreasIsNamedOnce() {
        let leads = [Lead(name: "Cara Cole", role: "manager", serviceArea: "Housing"), Lead(name: "Ben Birch", serviceArea: "Children's Services"),
                     Lead(name: "Cara Cole", role: "manager", serviceArea: "Leisure")]
        #expect(PlanDrafter.together(leads).map(\.described) == ["Cara Cole (Housing, Leisure)", "Ben Birch (Children's Services)"])
        #expect(PlanDrafter.together([leads[0]]) == [leads[0]])
    }

    @Test func gapsBeyondTheLimitGoToTheAppendixWithTheirFindings() throws {
        var limited = options
        limited.maxObjectives = 1
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps, officers: Fixture.officers, options: limited)
        // R3.1 (Not met in Housing) outweighs R1.2 (one Partially): it is the plan's one objective.
        #expect(plan.objectives.map(\.requirementID) == ["R3.1"])
        #expect(plan.objectives.map(\.id) == ["O1"])
        let kept = try #require(plan.underReview.first)
        #expect(plan.underReview.count == 1)
        #expect(kept.requirementID == "R1.2" && kept.standardID == "S1" && kept.title == "Named lead")
        #expect(kept.finding == "One of the three service areas that answer it partly meets it (Children's Services), while some officers say it is fully met.",
                "\(kept.finding)")
        // With room for both, nothing is kept aside.
        #expect(draft().underReview.isEmpty && draft().objectives.count == 2)
        // Without a limit in the options, the survey's own limit holds.
        var content = Fixture.content
        content.selfAssessment.maxObjectives = 1
        let bySurvey = PlanDrafter(content: content).draft(card: card, gaps: gaps, officers: Fixture.officers, options: options)
        #expect(bySurvey.objectives.map(\.requirementID) == ["R3.1"] && bySurvey.underReview.map(\.requirementID) == ["R1.2"])
    }

    @Test func gapsAreTakenByWeightOfEvidence() {
        func gap(_ id: String, _ reasons: [Gap.Reason]) -> Gap { Gap(requirementID: id, standardID: "S1", reasons: reasons, serviceAreas: []) }
        let ranked = PlanDrafter.byWeight([
            gap("answers-only", [.gapAnswers([])]),
            gap("disagreement", [.inconsistentPractice(spread: 2)]),
            gap("amber-60", [.lowRating(Rating(percent: 60, rag: .amber))]),
            gap("staff", [.staffConfidence(statementID: "SC01", statement: "I know whom to tell", reasons: [])]),
            gap("red-40", [.lowRating(Rating(percent: 40, rag: .red))]),
            gap("amber-55", [.lowRating(Rating(percent: 55, rag: .amber)), .gapAnswers([])]),
            gap("red-20", [.lowRating(Rating(percent: 20, rag: .red))]),
        ])
        #expect(ranked.map(\.requirementID) == ["red-20", "red-40", "amber-55", "amber-60", "staff", "disagreement", "answers-only"])
    }

    /// The officers' own proposals become the actions, in their words, with their lead and
    /// timescale; the same words from two officers are one action naming both.
    @Test func officersProposalsAreTheActionsInTheirWords() throws {
        func a(_ q: String, _ o: String, _ improvement: Improvement? = nil) -> Answer {
            var answer = Fixture.answer(q, o)
            answer.improvement = improvement
            return answer
        }
        let card = Fixture.score([
            Fixture.ret(Fixture.alice, [a("Q1.1", "fully"), a("Q1.2", "fully"), a("Q2.1", "fully"), a("Q2.2", "fully")]),
            Fixture.ret(Fixture.ben, [a("Q1.1", "fully"), a("Q1.2", "fully"),
                                      a("Q3.1", "partially", Improvement(action: "Training  plan agreed with HR", by: "June 2027"))]),
            Fixture.ret(Fixture.cara, [a("Q1.1", "fully"), a("Q1.2", "fully"), a("Q2.1", "mostly"), a("Q2.2", "fully")]),
            Fixture.ret(Fixture.dan, [a("Q1.1", "fully"), a("Q1.2", "fully"),
                                      a("Q3.1", "not-met", Improvement(action: "training plan agreed with HR", lead: "Priya Raman", by: "All year",
                                                                       measure: "Every Housing officer's training level set in the plan"))]),
            Fixture.ret(Fixture.eve, [a("Q1.1", "fully"), a("Q1.2", "partially"), a("Q3.1", "fully")]),
        ])
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: GapFinder().gaps(in: card), officers: Fixture.officers,
                                                               options: options)
        let proposed = try #require(plan.objectives.first { $0.requirementID == "R3.1" })
        #expect(proposed.actions.map(\.input) == ["Training  plan agreed with HR"])
        // Cara holds R3.1's lead role (manager) and answers for it; those who proposed it are named with her.
        #expect(proposed.actions.first?.leadNames == "Cara Cole (Housing); with Ben Birch (Children's Services); with Priya Raman (Housing)")
        #expect(proposed.actions.first?.timescale == "June 2027; All year to December 2027")
        // No date beside words that name a time; the plan reads it from them, the later of June and all year.
        let first = try #require(proposed.actions.first)
        #expect(first.due == nil && plan.dueDate(of: first)?.iso == "2027-12-31")
        // The measure is the officer's own "how we will know"; the template's outcome is not what
        // they proposed: none until the lead writes it.
        #expect(proposed.actions.first?.measure == "Every Housing officer's training level set in the plan")
        #expect(proposed.actions.first?.outcome == nil)
        // Nobody proposed anything for R1.2: the template's actions.
        #expect(plan.objectives.first { $0.requirementID == "R1.2" }?.actions.map(\.input) == ["Appoint a named lead", "Publish the lead's details"])
    }

    @Test func objectiveFindingIsThePlanFinding() throws {
        let o1 = try #require(draft().objectives.first)
        let gap = try #require(gaps.first)
        let requirement = try #require(Fixture.content.catalogue.requirement("R1.2"))
        #expect(o1.finding == PlanFinding(gap: gap, requirement: requirement, answers: card.requirement("R1.2")?.answers ?? []).text)
        #expect(o1.finding?.hasPrefix("R1.2: Statement R1.2\n") == true)
    }

    /// The board's summary: the most pressing gaps first (R3.1 is Red, R1.2 Amber), each naming
    /// its objective in the plan, with why; at most `PlanDrafter.priorities`.
    @Test func prioritiesPutTheRedFirstWithWhy() throws {
        let plan = draft()
        #expect(plan.priorities.map(\.objectiveID) == ["O2", "O1"])
        #expect(plan.objectives.first { $0.id == "O2" }?.requirementID == "R3.1")
        #expect(plan.priorities.first?.why.hasPrefix("Rated Red (44.4%): of the two service areas") == true)
        let many = (1...8).map { n in Gap(requirementID: "R3.1", standardID: "S3", reasons: [.lowRating(Rating(percent: Double(n), rag: .red))], serviceAreas: []) }
        #expect(draft(gaps: many).priorities.count <= PlanDrafter.priorities)
    }

    /// Key influences: the previous plan's own list where it has one, else the audit and its standards.
    @Test func keyInfluencesAreThePreviousPlansOrTheAudits() throws {
        let fresh = draft()
        #expect(fresh.documentControl.keyInfluences == ["The 2026 safeguarding self-assessment audit", Fixture.content.catalogue.title])
        var previous = fresh
        previous.documentControl.keyInfluences = ["Corporate Plan", "OSCB Business Plan"]
        previous.introduction = ["The annual audit is a joint audit between the OSCB and OSAB."]
        var withPrevious = options
        withPrevious.previous = previous
        let next = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: gaps, officers: Fixture.officers, options: withPrevious)
        #expect(next.documentControl.keyInfluences == ["Corporate Plan", "OSCB Business Plan"])
        #expect(next.introduction == previous.introduction)
    }

    @Test func leadInAnAreaIsItsLeadRoleFirst() throws {
        let action = try #require(draft().objectives.last?.actions.first)   // R3.1: Housing's manager, not Dan who answered
        #expect(action.leadNames.hasPrefix("Cara Cole (Housing);"))
    }

    @Test func theRoleHolderAnswersForTheActionWithTheFailingAreasLowestScorer() throws {
        // R1.2, weakest Children's: Alice holds its lead role (strategic lead) in another area.
        let action = try #require(draft().objectives.first?.actions.first)
        #expect(action.leads == [Lead(name: "Alice Ash", role: "strategic-lead", serviceArea: "Adult Social Care"),
                                 Lead(name: "Eve Elm", role: "dso", serviceArea: "Children's Services", isSupporting: true)])
    }

    @Test func withNoRoleHolderTheFailingAreasLowestScorerAnswersForIt() throws {
        let action = try #require(draft(officers: Fixture.officers.filter { $0.role != "strategic-lead" }).objectives.first?.actions.first)
        #expect(action.leads == [Lead(name: "Eve Elm", role: "dso", serviceArea: "Children's Services")])
    }

    /// The same proposal with a full stop or other capitals is one action; nearly the same words in
    /// one service area are one action too, but not from two areas.
    @Test func theSameProposalSaidAnotherWayIsOneAction() throws {
        func answer(_ action: String) -> Answer {
            var answer = Fixture.answer("Q3.1", "partially")
            answer.improvement = Improvement(action: action)
            return answer
        }
        let card = Fixture.score([
            Fixture.ret(Fixture.alice, [answer("Write the training plan for staff")]),        // Adult Social Care
            Fixture.ret(Fixture.ben, [answer("Write the training plan.")]),                   // Children's Services
            Fixture.ret(Fixture.cara, [answer("Write a new training plan for Housing staff")]),   // Housing
            Fixture.ret(Fixture.dan, [answer("write a new training plan for staff")]),        // Housing
            Fixture.ret(Fixture.eve, [answer("write the Training Plan")]),                    // Children's Services
        ])
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: GapFinder().gaps(in: card), officers: Fixture.officers, options: options)
        // Eve's is Ben's with other capitals and no full stop; Dan's nearly Cara's in Housing; Alice's,
        // nearly both others' words, is from an area of its own, so it stays.
        #expect(plan.actions.map(\.input) == ["Write the training plan for staff", "Write the training plan.", "Write a new training plan for Housing staff"])
        #expect(Set(plan.actions[1].leads.map(\.name)).isSuperset(of: ["Ben Birch", "Eve Elm"]))
        #expect(Set(plan.actions[2].leads.map(\.name)).isSuperset(of: ["Cara Cole", "Dan Dale"]))
    }

    /// A failing area with no proposal of its own would get the template's first action; where an
    /// officer's proposal already says nearly that, its officer is named with that action instead.
    @Test func aFailingAreaJoinsAProposalThatSaysWhatTheTemplateWould() throws {
        var ben = Fixture.answer("Q3.1", "partially")
        ben.improvement = Improvement(action: "Write a training plan for staff")
        let card = Fixture.score([Fixture.ret(Fixture.ben, [ben]), Fixture.ret(Fixture.dan, [Fixture.answer("Q3.1", "not-met")])])
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: GapFinder().gaps(in: card),
                                                               officers: Fixture.officers.filter { $0.role != "manager" }, options: options)
        let objective = try #require(plan.objectives.first { $0.requirementID == "R3.1" })
        #expect(objective.actions.map(\.input) == ["Write a training plan for staff"])
        #expect(objective.actions.first?.leadNames == "Ben Birch (Children's Services); with Dan Dale (Housing)")
    }

    @Test func everyActionHasOneLeadAndAtMostTwoWith() throws {
        // Four officers propose the same words for R3.1: one answers for it, two are named with them.
        var answer = Fixture.answer("Q3.1", "partially")
        answer.improvement = Improvement(action: "Write the training plan")
        let card = Fixture.score([Fixture.alice, Fixture.ben, Fixture.dan, Fixture.eve].map { Fixture.ret($0, [answer]) })
        let plan = PlanDrafter(content: Self.everyArea).draft(card: card, gaps: GapFinder().gaps(in: card), officers: Fixture.officers, options: options)
        for action in plan.actions {
            #expect(action.leads.filter { !$0.isSupporting }.count == 1 && action.leads.filter(\.isSupporting).count <= 2, "\(action.leadNames)")
        }
        #expect(plan.actions.first?.leadNames == "Cara Cole (Housing); with Alice Ash (Adult Social Care); with Ben Birch (Children's Services)")
    }

    @Test func leadIsTheRoleLabelWhenNoOfficerIsInTheArea() throws {
        let plan = draft(officers: [])
        let action = try #require(plan.objectives.first?.actions.first)
        #expect(action.leads == [Lead(name: "Strategic lead", role: "strategic-lead", serviceArea: nil)])
        #expect(plan.documentControl.owner == "Strategic lead")           // no officer in the plan-owning role: the role
    }

    @Test func dueIsTheTimescaleAfterTheStartLessADay() throws {
        let plan = draft()
        // R1.2: 6 months: 2027-01-01 + 6 months = 2027-07-01, less a day = 2027-06-30
        #expect(plan.objectives.first?.actions.map(\.due) == [try Fixture.date("2027-06-30"), try Fixture.date("2027-06-30")])
        // R3.1: 12 months: 2028-01-01 less a day = 2027-12-31
        #expect(plan.objectives.last?.actions.first?.due == (try Fixture.date("2027-12-31")))
    }

    @Test func periodRunsTwelveMonthsFromTheStart() throws {
        let plan = draft()
        #expect(plan.periodStart == (try Fixture.date("2027-01-01")))
        #expect(plan.periodEnd == (try Fixture.date("2027-12-31")))        // 2028-01-01 less a day
        #expect(plan.title == "Safeguarding Action Plan January 2027 - December 2027")
        #expect(plan.organisation == Fixture.organisation)
        #expect(plan.auditYear == 2026)
    }

    @Test func documentControlOfAFreshDraft() throws {
        let control = draft().documentControl
        #expect(control.version == "0.1")
        #expect(control.owner == "Alice Ash")                              // the strategic lead
        #expect(control.author == "Alice Ash")                             // defaults to the owner
        #expect(control.lastReviewed == (try Fixture.date("2026-11-15")))
        #expect(control.nextReviewDue == (try Fixture.date("2027-05-15")))  // today + 6 months
        #expect(control.history.count == 1)
        let revision = try #require(control.history.first)
        #expect(revision.version == "0.1")
        #expect(revision.date == (try Fixture.date("2026-11-15")))
        #expect(revision.note.contains("(5 returns, 2 gaps)"))
    }

    @Test func ownerAndAuthorCanBeGiven() {
        var options = self.options
        options.owner = "Director of Public Health"
        options.author = "Policy officer"
        let control = PlanDrafter(content: Self.everyArea)
            .draft(card: card, gaps: gaps, officers: Fixture.officers, options: options).documentControl
        #expect(control.owner == "Director of Public Health")
        #expect(control.author == "Policy officer")
        #expect(control.history.first?.author == "Policy officer")
    }

    @Test func resultsAreRoundedToOneDecimal() throws {
        let results = try #require(draft().results)
        #expect(results.catalogueID == "test-cat")
        #expect(results.catalogueVersion == "1.0")
        #expect(results.returns == 5)
        // S1 = (1 * 100 + 2 * 86.667) / 3 = 91.111 -> 91.1
        // S2 = (83.333 + 100) / 2 = 91.667 -> 91.7
        // S3 = 44.444 -> 44.4
        #expect(results.standards.map(\.rating.percent) == [91.1, 91.7, 44.4])
        #expect(results.standards.map(\.gaps) == [1, 0, 1])
        #expect(results.standards.map(\.rating.rag) == [.green, .green, .red])
        // Organisation = (91.111 + 91.667 + 44.444) / 3 = 75.741 -> 75.7
        #expect(results.overall.percent == 75.7)
    }

    @Test func noGapsGiveAnEmptyPlan() {
        let plan = draft(gaps: [])
        #expect(plan.standards.isEmpty)
        #expect(plan.documentControl.history.first?.note.contains("0 gaps") == true)
    }

    @Test func defaultStartIsTheFirstOfJanuaryAfterTheAudit() throws {
        #expect(PlanDrafter.Options.defaultStart(auditYear: 2026) == (try Fixture.date("2027-01-01")))
    }
}
