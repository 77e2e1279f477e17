import Foundation
import S11Core
import S11Store

/// Officers' returns at their unique links: the return behind a link, one page saved at a time,
/// and the submission, each on the core's `ReturnRules` (through `ReturnTaking`).
public struct OfficerLinks: Sendable {
    let app: S11App

    /// An officer's return as its link opens it.
    public struct AtLink: Sendable {
        public var token: String
        public var session: AuditSession
        public var officer: Officer
        public var status: ReturnStatus
        public var submittedAt: String?
        /// The stored answers, by question id (carried ones included).
        public var answers: [String: Answer]

        /// The sections the officer answers, in order, each with at least one question.
        public var sections: [Section] {
            session.content.selfAssessment.sections(forRole: officer.role).filter { !$0.questions.isEmpty }
        }

        /// Every change to this return goes through this.
        public var taking: ReturnTaking { session.returns }
    }

    /// The return behind `token`; nil for a link never issued or since replaced.
    public func open(token: String) async throws -> AtLink? {
        guard let found = try await app.store.officers.find(token: token),
              let audit = try await app.store.audits.find(id: found.auditID) else { return nil }
        let session = try await app.session(audit)
        let stored = try await app.store.returns.find(officerEmail: found.officer.email, auditID: audit.id)
        return AtLink(token: token, session: session, officer: found.officer, status: stored.status, submittedAt: stored.submittedAt,
                      answers: Dictionary(stored.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
