// What the fuzz targets read their inputs against.
import S11Core

/// A staff survey: two profile questions and three statements.
let staffSurvey = Survey(
    id: "staff-confidence", version: "1", kind: .staffConfidence, catalogueID: "c", title: "Staff survey",
    profile: [ProfileChoice(id: "service-area", label: "Which service area do you mainly work in?",
                            options: [("housing", "Housing and homelessness"), ("leisure", "Leisure and culture")]),
              ProfileChoice(id: "role", label: "Which best describes your role?",
                            options: [("frontline", "Front-line or public-facing staff"), ("manager", "Manager")])],
    statements: [Statement(id: "SC01", text: "I can recognise the signs that a child may be being abused or neglected.", scaleID: "likert5", targetPercent: 80),
                 Statement(id: "SC02", text: "I know who my safeguarding lead is.", scaleID: "likert5", targetPercent: 80),
                 Statement(id: "SC03", text: "I would raise a concern.", scaleID: "likert5", targetPercent: 80)])
let staffScales = [Scale(id: "likert5", label: "Agreement", options: [
    ScaleOption(value: "strongly-agree", label: "Strongly agree", score: 5, agrees: true),
    ScaleOption(value: "agree", label: "Agree", score: 4, agrees: true),
    ScaleOption(value: "disagree", label: "Disagree", score: 2),
])]

/// A self-assessment with two roles, for officer lists.
let officerSurvey = Survey(
    id: "self-assessment", version: "1", kind: .selfAssessment, catalogueID: "c", title: "Self-assessment",
    roles: [Role(id: "dso", label: "DSO"), Role(id: "champion", label: "Champion")])
