import S11Core

/// What the bar on every signed-in page reads (`admin-nav`): who is signed in, the form token its
/// sign-out button and the page's own forms post, and, on a page about one audit, the way back
/// to that audit's task list.
struct SignedInBar: PagePart {
    /// A link back to the audit's task list.
    struct AuditLink: Encodable {
        let href: String
        let text: String
    }

    let csrf: String
    /// The signed-in account's e-mail address.
    let coordinator: String
    /// Back to the task list of the audit the page is about, for the coordinator who runs it
    /// (a board user reads audits from the round, and has no task list to go back to).
    let auditLink: AuditLink?
    /// Whether the account has an organisation's coordinators to keep (a board user has none).
    let team: Bool
    /// Whether the account is a board's, whose way back from any page is its rounds.
    let boardRounds: Bool
}

extension SignedInBar {
    init(account: Coordinator, csrf: String, audit: AuditRecord? = nil) {
        let link = audit.flatMap { audit in
            account.isBoard ? nil : AuditLink(href: "/admin/audits/\(audit.id)", text: "\(audit.organisation) \(audit.year) audit")
        }
        self.init(csrf: csrf, coordinator: account.displayName.map { "\($0) (\(account.email))" } ?? account.email, auditLink: link,
                  team: !account.isBoard, boardRounds: account.isBoard)
    }
}
