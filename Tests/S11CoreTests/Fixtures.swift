import Testing
@testable import S11Core

/// A tiny audit built in code.
///
/// Catalogue `test-cat` 1.0:
/// - S1 Leadership: R1.1 (weight 1), R1.2 (weight 2, lead strategic-lead, 6 months, two actions)
/// - S2 Safer recruitment: R2.1 (weight 1, N/A allowed, lead manager), R2.2 (weight 1)
/// - S3 Training: R3.1 (weight 1, lead manager, 12 months)
///
/// Scale `compliance`: fully 3, mostly 2, partially 1 (gap), not-met 0 (gap),
/// so fully 100%, mostly 66.67%, partially 33.33%, not-met 0%.
///
/// Survey sections: S1 every role, S2 strategic-lead + manager, S3 dso only.
/// Bands: blue 100 (evidence + example), green 75 (evidence), amber 50, red 0.
enum Fixture {
    static let organisation = "Testshire County Council"
    static let year = 2026

    static func template(_ objective: String, lead: String, months: Int, actions: [String]) -> ImprovementTemplate {
        ImprovementTemplate(objective: objective, actions: actions, outcome: "Outcome of \(objective)",
                            measure: "Measure of \(objective)", leadRole: lead, timescaleMonths: months)
    }

    static func requirement(_ id: String, weight: Double, naAllowed: Bool = false, template: ImprovementTemplate) -> Requirement {
        Requirement(id: id, statement: "Statement \(id)", guidance: "Guidance \(id)", evidenceExamples: ["Policy"],
                    weight: weight, naAllowed: naAllowed, improvement: template)
    }

    static let catalogue = Catalogue(id: "test-cat", version: "1.0", title: "Test standards", standards: [
        Standard(id: "S1", number: 1, title: "Leadership", requirements: [
            requirement("R1.1", weight: 1, template: template("Board oversight", lead: "strategic-lead", months: 3,
                                                             actions: ["Report to the board"])),
            requirement("R1.2", weight: 2, template: template("Named lead", lead: "strategic-lead", months: 6,
                                                             actions: ["Appoint a named lead", "Publish the lead's details"])),
        ]),
        Standard(id: "S2", number: 2, title: "Safer recruitment", requirements: [
            requirement("R2.1", weight: 1, naAllowed: true, template: template("Volunteer checks", lead: "manager", months: 3,
                                                                              actions: ["Check volunteers"])),
            requirement("R2.2", weight: 1, template: template("DBS checks", lead: "manager", months: 3,
                                                             actions: ["Audit DBS checks"])),
        ]),
        Standard(id: "S3", number: 3, title: "Training", requirements: [
            requirement("R3.1", weight: 1, template: template("Training plan", lead: "manager", months: 12,
                                                             actions: ["Write a training plan"])),
        ]),
    ])

    static let scale = Scale(id: "compliance", label: "Compliance", options: [
        ScaleOption(value: "fully", label: "Fully met", score: 3),
        ScaleOption(value: "mostly", label: "Mostly met", score: 2),
        ScaleOption(value: "partially", label: "Partially", score: 1, isGap: true),
        ScaleOption(value: "not-met", label: "Not met", score: 0, isGap: true),
    ])

    static let bands = [
        BandRule(rag: .blue, minPercent: 100, needsEvidence: true, needsExample: true),
        BandRule(rag: .green, minPercent: 75, needsEvidence: true),
        BandRule(rag: .amber, minPercent: 50),
        BandRule(rag: .red, minPercent: 0),
    ]

    static func question(_ requirementID: String) -> Question {
        Question(id: "Q" + requirementID.dropFirst(), requirementID: requirementID, scaleID: "compliance")
    }

    static let survey = Survey(
        id: "test-self", version: "1.0", kind: .selfAssessment, catalogueID: "test-cat", title: "Self-assessment",
        roles: [Role(id: "strategic-lead", label: "Strategic lead", ownsPlan: true),
                Role(id: "dso", label: "Designated safeguarding officer"),
                Role(id: "manager", label: "Service manager")],
        bands: bands,
        sections: [
            Section(standardID: "S1", roles: [], questions: [question("R1.1"), question("R1.2")]),
            Section(standardID: "S2", roles: ["strategic-lead", "manager"], questions: [question("R2.1"), question("R2.2")]),
            Section(standardID: "S3", roles: ["dso"], questions: [question("R3.1")]),
        ])

    static let content = AuditContent(catalogue: catalogue, scales: [scale], selfAssessment: survey)
    static let library = ContentLibrary(catalogues: [catalogue], scales: [scale], surveys: [survey])

    // Officers in three service areas.
    static let alice = Officer(name: "Alice Ash", email: "alice@testshire.gov.uk", role: "strategic-lead", serviceArea: "Adult Social Care")
    static let ben = Officer(name: "Ben Birch", email: "ben@testshire.gov.uk", role: "dso", serviceArea: "Children's Services")
    static let cara = Officer(name: "Cara Cole", email: "cara@testshire.gov.uk", role: "manager", serviceArea: "Housing")
    static let dan = Officer(name: "Dan Dale", email: "dan@testshire.gov.uk", role: "dso", serviceArea: "Housing")
    static let eve = Officer(name: "Eve Elm", email: "eve@testshire.gov.uk", role: "dso", serviceArea: "Children's Services")
    static let officers = [alice, ben, cara, dan, eve]

    /// An answer with evidence (unless told otherwise), so Green is not capped by the evidence rule.
    static func answer(_ questionID: String, _ option: String, evidence: String? = "Minutes of the board",
                       example: String? = nil, reason: String? = nil) -> Answer {
        Answer(questionID: questionID, choice: Answer.choice(from: option), evidence: evidence, example: example, reason: reason)
    }

    static func ret(_ officer: Officer, _ answers: [Answer]) -> OfficerReturn {
        OfficerReturn(organisation: organisation, year: year, officerEmail: officer.email, answers: answers,
                      location: S11Core.SourceLocation(file: "returns.csv", line: 2, column: 1))
    }

    static func score(_ returns: [OfficerReturn], content: AuditContent = content) -> Scorecard {
        Scorer(content: content).score(organisation: organisation, year: year, officers: officers, returns: returns)
    }

    /// A scored answer for calling `Scorer.band` directly.
    static func scored(_ percent: Double?, evidence: String? = "Minutes", example: String? = nil) -> ScoredAnswer {
        ScoredAnswer(officerName: "Alice Ash", officerEmail: "alice@testshire.gov.uk", serviceArea: "Adult Social Care",
                     option: "fully", optionLabel: "Fully met", percent: percent, isGapOption: false,
                     evidence: evidence, example: example, naReason: nil)
    }

    static func date(_ iso: String) throws -> CalendarDate {
        try #require(CalendarDate(iso: iso))
    }
}

/// True when `value` is within `tolerance` of `expected` (nil never is).
func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 0.005) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

/// Runs `body` and returns the diagnostics it threw; records an issue when it did not throw them.
func diagnostics(_ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        try body()
        Issue.record("expected a DiagnosticsError", sourceLocation: sourceLocation)
    } catch let error as DiagnosticsError {
        return error.diagnostics
    } catch {
        Issue.record("expected a DiagnosticsError, got \(error)", sourceLocation: sourceLocation)
    }
    return []
}
