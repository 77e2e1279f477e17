import S11Core

/// A challenge panel's feedback letter to an organisation, drafted for the panel to edit and send.
struct LetterPage: PageModel {
    static let template = "admin-letter"

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    /// The event's title.
    let event: String
    let notice: String?
    let letter: String
    /// Where the form posts.
    let action: String
    /// The event's page.
    let back: String
}

extension LetterPage {
    init(account: Coordinator, csrf: String, round: BoardRound, event: ChallengeEvent, audit: AuditRecord, letter: String, notice: String?,
         errors: [FieldError]) {
        self.init(title: "Feedback to \(audit.organisation)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf),
                  event: event.title, notice: notice, letter: letter, action: "/admin/rounds/\(round.id)/events/\(event.id)/audits/\(audit.id)/letter",
                  back: "/admin/rounds/\(round.id)/events/\(event.id)")
    }
}
