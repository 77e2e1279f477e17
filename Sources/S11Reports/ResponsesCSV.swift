import Foundation
import S11Core

/// The officers' answers as CSV, for analysis outside s11: one row per answer, cells a
/// spreadsheet would run as a formula neutralised. (The staff answers: `StaffExportTable`.)
public struct ResponsesCSV: Sendable {
    public let content: AuditContent

    public init(content: AuditContent) {
        self.content = content
    }

    public static let officerHeader = "officer,email,role,service_area,question,requirement,option,score,evidence,example,na_reason,improvement,improvement_lead,improvement_by,improvement_measure,carried,submitted_on\r\n"

    /// One officer's answers, a row each, in the questionnaire's order.
    public func officerRows(_ officer: Officer, answers: [Answer], submittedOn: String?) -> String {
        let byID = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
        var text = ""
        for question in content.questions(forRole: officer.role) {
            guard let answer = byID[question.id] else { continue }
            let scale = content.scale(question.scaleID)
            let (label, score): (String, String) = switch answer.choice {
            case .option(let value): (scale?.option(value)?.label ?? value, scale?.option(value).map { Self.number($0.score) } ?? "")
            case .notApplicable: ("Not applicable", "")
            case .unanswered: ("", "")
            }
            let cells = [officer.name, officer.email, content.selfAssessment.roleLabel(officer.role), officer.serviceArea, question.id,
                         question.requirementID, label, score, answer.evidence ?? "", answer.example ?? "", answer.reason ?? "",
                         answer.improvement?.action ?? "", answer.improvement?.lead ?? "", answer.improvement?.by ?? "",
                         answer.improvement?.measure ?? "",
                         answer.carried ? "yes" : "no", submittedOn.map { String($0.prefix(10)) } ?? ""]
            text += cells.map(PlanCSV.field).joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
