@testable import S11Core

/// A staff survey mirroring three statements of Surveys/staff-confidence.xml.
enum StaffFixtures {
    static let likert = Scale(id: "likert5", label: "Agreement", options: [
        ScaleOption(value: "strongly-agree", label: "Strongly agree", score: 5, agrees: true),
        ScaleOption(value: "agree", label: "Agree", score: 4, agrees: true),
        ScaleOption(value: "neutral", label: "Neither agree nor disagree", score: 3),
        ScaleOption(value: "disagree", label: "Disagree", score: 2),
        ScaleOption(value: "strongly-disagree", label: "Strongly disagree", score: 1),
    ])

    static let survey = Survey(
        id: "staff-confidence", version: "2026.1", kind: .staffConfidence, catalogueID: "test-cat", title: "Staff survey",
        profile: [
            ProfileChoice(id: "service-area", label: "Which service area do you mainly work in?",
                          options: [("housing", "Housing and homelessness"), ("leisure", "Leisure and culture")]),
            ProfileChoice(id: "role", label: "Which best describes your role?",
                          options: [("frontline", "Front-line or public-facing staff"), ("manager", "Manager")]),
        ],
        statements: [
            Statement(id: "SC01", text: "I can recognise the signs that a child may be being abused or neglected.",
                      scaleID: "likert5", requirementID: "R1.1", targetPercent: 85),
            Statement(id: "SC02", text: "I know who my safeguarding lead or designated safeguarding officer is and how to contact them.",
                      scaleID: "likert5", requirementID: "R1.2", targetPercent: 60),
            Statement(id: "SC03", text: "I would feel able to raise a concern about a colleague's behaviour or practice, using the whistleblowing policy if I needed to.",
                      scaleID: "likert5", targetPercent: 80),
        ])

    /// `agree` of `total` respondents in `area` answering SC01 agree, the rest disagree.
    static func responses(area: String, agree: Int, total: Int, statement: String = "SC01") -> [StaffResponse] {
        (0..<total).map { index in
            StaffResponse(profile: ["service-area": area], answers: [statement: index < agree ? "agree" : "disagree"])
        }
    }

    /// A reader of `survey` for files that have no column for the questions `absent` (as a mapping
    /// file's `ID,absent` lines say), with `mapping` for the rest.
    static func reader(absent: [String], mapping: [String: String] = [:]) -> StaffSurveyCSVReader {
        StaffSurveyCSVReader(survey: survey, scales: [likert],
                             mapping: mapping.merging(absent.map { ($0, "absent") }) { first, _ in first })
    }
}
