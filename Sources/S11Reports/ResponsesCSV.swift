import Foundation
import S11Core

/// Every answer of an audit as CSV, for analysis outside s11: the officers' answers one row per
/// answer, and the anonymous staff answers one row per answer set. Cells a spreadsheet would run
/// as a formula are neutralised. Rows are handed to a sink one at a time, so a caller can stream
/// them.
public struct ResponsesCSV: Sendable {
    public let content: AuditContent
    /// Staff answer sets in a service area and role with fewer than this many have their profile
    /// blanked, so that nobody in a small team can be picked out.
    public static let smallestGroup = 5

    public init(content: AuditContent) {
        self.content = content
    }

    public static let officerHeader = "officer,email,role,service_area,question,requirement,option,score,evidence,example,na_reason,carried,submitted_on\r\n"

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
                         answer.carried ? "yes" : "no", submittedOn.map { String($0.prefix(10)) } ?? ""]
            text += cells.map(PlanCSV.field).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// The staff export's header: the profile questions, one column per statement, the day.
    public func staffHeader(_ survey: Survey) -> String {
        (survey.profile.map(\.id) + survey.statements.map(\.id) + ["day"]).map(PlanCSV.field).joined(separator: ",") + "\r\n"
    }

    /// The group an answer set counts in for suppression: its profile, in the survey's order.
    public func group(_ response: StaffResponse, survey: Survey) -> [String] {
        survey.profile.map { response.profile[$0.id] ?? "" }
    }

    /// One staff answer set as a row, its profile blanked when `suppressed`.
    public func staffRow(_ response: StaffResponse, survey: Survey, suppressed: Bool) -> String {
        let profile = survey.profile.map { question -> String in
            guard !suppressed, let value = response.profile[question.id] else { return "" }
            return question.options.first { $0.value == value }?.label ?? value
        }
        let answers = survey.statements.map { statement -> String in
            guard let value = response.answers[statement.id] else { return "" }
            return content.scale(statement.scaleID)?.option(value)?.label ?? value
        }
        return (profile + answers + [response.submittedOn?.iso ?? ""]).map(PlanCSV.field).joined(separator: ",") + "\r\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
