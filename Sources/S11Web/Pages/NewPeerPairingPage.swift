import S11App
import S11Core

/// Where the board pairs two member organisations of its round, one to review the other's return
/// before the challenge event. A page of its own, so that the round's page does not list every
/// organisation twice more; the choices are kept when something is wrong.
struct NewPeerPairingPage: PageModel {
    static let template = "admin-round-peers-new"

    let title = "Pair organisations for a peer review"
    let form: FormErrors
    let bar: SignedInBar
    let roundID: Int64
    let board: String
    let year: Int
    let reviewers: [SelectOption]
    let reviewees: [SelectOption]
}

extension NewPeerPairingPage {
    /// The form for `progress`'s round, its organisations that answer the round's catalogue offered on each side.
    init(account: Coordinator, csrf: String, progress: RoundProgress, reviewer: Int64? = nil, reviewee: Int64? = nil, errors: [FieldError] = []) {
        let members = progress.members.filter { $0.row.crosswalkID == nil }.map(\.row)
        func options(_ chosen: Int64?) -> [SelectOption] {
            [SelectOption(id: "", label: "Choose", selected: chosen == nil)]
                + members.map { SelectOption(id: String($0.auditID), label: $0.member.organisation, selected: $0.auditID == chosen) }
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), roundID: progress.round.id, board: progress.round.board,
                  year: progress.round.year, reviewers: options(reviewer), reviewees: options(reviewee))
    }
}
