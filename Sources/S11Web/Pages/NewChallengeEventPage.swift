import S11App
import S11Core

/// Where the board schedules a challenge event of its round: the title, the day, the panel and
/// the member organisations it challenges. A page of its own, so that the round's page does not
/// list every organisation again; what was typed is kept when something is wrong.
struct NewChallengeEventPage: PageModel {
    static let template = "admin-round-event-new"

    /// A member organisation the event can challenge.
    struct Choice: Encodable {
        let auditID: Int64
        let organisation: String
        let sector: String
        let checked: Bool
    }

    let title = "Schedule a challenge event"
    let form: FormErrors
    let bar: SignedInBar
    let roundID: Int64
    let board: String
    let year: Int
    /// What was typed, when the form comes back with an error.
    let eventTitle: String
    let heldOn: String
    let panel: String
    let choices: [Choice]
}

extension NewChallengeEventPage {
    /// The form for `progress`'s round: its organisations that answer the round's catalogue, those in `checked` ticked.
    init(account: Coordinator, csrf: String, progress: RoundProgress, eventTitle: String = "", heldOn: String = "", panel: String = "",
         checked: Set<Int64> = [], errors: [FieldError] = []) {
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), roundID: progress.round.id, board: progress.round.board,
                  year: progress.round.year, eventTitle: eventTitle, heldOn: heldOn, panel: panel,
                  choices: progress.members.filter { $0.row.crosswalkID == nil }.map { row, _ in
                      Choice(auditID: row.auditID, organisation: row.member.organisation, sector: row.member.sector, checked: checked.contains(row.auditID))
                  })
    }
}
