import S11App
import S11Core

/// What the officer's pages read of a return behind its link.
extension OfficerLinks.AtLink {
    /// The audit the return belongs to.
    var audit: AuditRecord { session.audit }
    /// The content the audit was opened with.
    var content: AuditContent { session.content }

    /// The question of the officer's sections with this id, and the page (from 1) it is on.
    func question(_ id: String) -> (question: Question, position: Int)? {
        for (index, section) in sections.enumerated() {
            if let question = section.questions.first(where: { $0.id == id }) { return (question, index + 1) }
        }
        return nil
    }
}
