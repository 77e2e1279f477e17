import Foundation
import S11Core
import S11Store

/// The anonymous staff confidence survey at its public link: what the page shows, and an answer
/// set checked on the core's `StaffAnswerRules` and stored with the day only.
public struct StaffSurveyTaking: Sendable {
    let app: S11App

    /// The survey behind a link.
    public struct AtLink: Sendable {
        public var token: String
        public var audit: AuditRecord
        public var survey: Survey
        public var scales: [Scale]
        public var rules: StaffAnswerRules { StaffAnswerRules(survey: survey, scales: scales) }
    }

    /// The survey behind `token`; nil for a link never issued or since replaced (or an audit
    /// opened without a staff survey).
    public func open(token: String) async throws -> AtLink? {
        guard let audit = try await app.store.staff.audit(forLink: token) else { return nil }
        let content = try await app.contents.content(of: audit)
        guard let survey = content.staffSurvey else { return nil }
        return AtLink(token: token, audit: audit, survey: survey, scales: content.scales)
    }

    /// Stores one answer set from the page (choice id -> value, statement id -> value, blanks left
    /// out) on `day`, or refuses it with its problems and stores nothing.
    public func submit(_ link: AtLink, profile: [String: String], answers: [String: String],
                       on day: CalendarDate) async throws -> [StaffAnswerRules.Problem] {
        switch link.rules.response(profile: profile, answers: answers, on: day) {
        case .failure(let problems):
            return problems.all
        case .success(let response):
            _ = try await app.store.staff.saveResponses([response], auditID: link.audit.id)
            return []
        }
    }
}
