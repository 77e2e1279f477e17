import Testing
@testable import S11Core

/// Councils other than the example, generated with other officers spread over four service areas
/// (so that many a requirement is answered by one officer in an area): what the board reads of
/// each names no area fewer officers than the smallest group answered, and every drafted action
/// has one lead who answers for it and at most two named with them.
@Suite struct GeneratedCouncilTests {
    static let areas = ["Housing", "Community services", "Corporate services", "Leisure and culture"]

    @Test(arguments: [(UInt64(1), 5), (2, 7), (5, 9), (4, 13)])
    func whatTheBoardReadsSinglesOutNoOfficer(seed: UInt64, officers count: Int) throws {
        var generator = SyntheticAudit(content: Fixture.content, seed: seed)
        let officers = generator.officers(organisation: 1, count: count)
        let returns = officers.map { generator.completeReturn(for: $0, organisation: Fixture.organisation, year: Fixture.year) }
        let scorer = Scorer(content: Fixture.content)
        let card = scorer.score(organisation: Fixture.organisation, year: Fixture.year, officers: officers, returns: returns)
        let smallest = ServiceAreaFolding(survey: Fixture.content.selfAssessment).smallestGroup
        /// How many officers scored `requirementID` in `area`.
        func answered(_ requirementID: String, in area: String) -> Int {
            Set(card.requirement(requirementID)?.answers.filter { $0.serviceArea == area && $0.percent != nil }.map(\.officerEmail) ?? []).count
        }

        let plan = PlanDrafter(content: Fixture.content).draft(card: card, gaps: GapFinder().gaps(in: card), officers: officers,
                                                               options: PlanDrafter.Options(start: try Fixture.date("2027-01-01"),
                                                                                            today: try Fixture.date("2026-11-15")))
        #expect(!plan.objectives.isEmpty)
        let findings = plan.objectives.compactMap { objective in objective.finding.map { (objective.requirementID ?? "", $0) } }
            + plan.underReview.map { ($0.requirementID, $0.finding) }
        for (requirementID, finding) in findings {
            for area in Self.areas where finding.contains(area) {
                #expect(answered(requirementID, in: area) >= smallest, "\(requirementID): '\(finding)' names \(area)")
            }
        }
        for objective in plan.objectives {
            for action in objective.actions {
                #expect(action.leads.filter { !$0.isSupporting }.count == 1 && action.leads.filter(\.isSupporting).count <= 2, "\(action.leadNames)")
                for area in action.leads.compactMap(\.serviceArea).flatMap({ $0.components(separatedBy: ", ") }) {
                    #expect(answered(objective.requirementID ?? "", in: area) >= smallest, "\(action.id): \(action.leadNames)")
                }
            }
        }

        // The board's scorecard: every area named beside a requirement's answers, by enough officers.
        let board = scorer.score(organisation: Fixture.organisation, year: Fixture.year, officers: officers, returns: returns,
                                 folding: ServiceAreaFolding(survey: Fixture.content.selfAssessment))
        for requirement in board.requirements {
            for area in Set(requirement.answers.map(\.serviceArea)) where !area.isEmpty {
                let officers = Set(requirement.answers.filter { $0.serviceArea == area && $0.percent != nil }.map(\.officerEmail))
                #expect(officers.count >= smallest, "\(requirement.requirementID): \(area)")
            }
        }
    }
}
