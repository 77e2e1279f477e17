import Testing
@testable import S11Core

/// The finding a board reads under each objective: the requirement, one plain sentence, and one
/// excerpt of the officers' evidence from an area it may see by name.
@Suite struct PlanFindingTests {
    let requirement = Fixture.content.catalogue.requirement("R1.2")!

    func answer(_ area: String, _ option: String, _ label: String, percent: Double, evidence: String?, gap: Bool = true) -> ScoredAnswer {
        ScoredAnswer(officerName: "Officer", officerEmail: "\(area)-\(option)@council.example", serviceArea: area, option: option,
                     optionLabel: label, percent: percent, isGapOption: gap, evidence: evidence, example: nil, naReason: nil)
    }

    @Test func countsTheAreasInWordsAndNamesThem() {
        let answers = [answer("Housing", "partially", "Partially met", percent: 33.3, evidence: "Policy was last reviewed in 2019"),
                       answer("Leisure", "partially", "Partially met", percent: 33.3, evidence: nil),
                       answer("Finance", "fully", "Fully met", percent: 100, evidence: "Signed off", gap: false),
                       answer("Planning", "fully", "Fully met", percent: 100, evidence: nil, gap: false),
                       answer("Parks", "fully", "Fully met", percent: 100, evidence: nil, gap: false)]
        let gap = Gap(requirementID: "R1.2", standardID: "S1",
                      reasons: [.lowRating(Rating(percent: 73.3, rag: .amber)), .gapAnswers(Array(answers.prefix(2))), .inconsistentPractice(spread: 2)],
                      serviceAreas: [])
        let finding = PlanFinding(gap: gap, requirement: requirement, answers: answers)
        #expect(finding.requirement == "R1.2: Statement R1.2")
        #expect(finding.sentence == "Rated Amber (73.3%): two of the five service areas that answer it partly meet it (Housing and Leisure), while some officers say it is fully met.")
        #expect(finding.evidence == ["Evidence, Housing: “Policy was last reviewed in 2019”"])
    }

    /// Folded areas are counted but their officers' words are never quoted: they could say who wrote them.
    @Test func quotesNoEvidenceFromAnAreaTooSmallToName() {
        let long = "Leisure has had no DSO since the restructure and staff ring Community Services instead when they have a concern"
        let answers = [answer(ServiceAreaFolding.otherAreas, "not-met", "Not met", percent: 0, evidence: long),
                       answer("", "partially", "Partially met", percent: 33.3, evidence: long),
                       answer("Housing", "partially", "Partially met", percent: 33.3, evidence: long)]
        let gap = Gap(requirementID: "R1.2", standardID: "S1", reasons: [.gapAnswers(answers)], serviceAreas: [])
        let finding = PlanFinding(gap: gap, requirement: requirement, answers: answers)
        #expect(finding.sentence == "Of the three service areas that answer it, one does not meet it (Other service areas) and two partly meet it (Housing and one other).")
        #expect(finding.evidence == ["Evidence, Housing: “Leisure has had no DSO since the restructure and staff ring Community Services instead ...”"])
    }
}
