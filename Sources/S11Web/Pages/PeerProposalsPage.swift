import S11App
import S11Core

/// A peer pairing, for the board: the ratings the reviewer proposed, each to accept or to rate the
/// board's own way, and the end of the review.
struct PeerProposalsPage: PageModel {
    static let template = "admin-peer-proposals"

    struct Proposal: Encodable {
        let domID: String
        let scope: String
        let label: String
        let selfRating: String
        let proposed: String
        let reason: String
        let by: String
        /// What the board decided, in words; nil while it is open.
        let decided: String?
        let open: Bool
        let hasOptions: Bool
        let options: [RatingOption]
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let board: String
    let roundID: Int64
    let pairingID: Int64
    let reviewer: String
    let reviewee: String
    let notice: String?
    let active: Bool
    /// When the review ended; nil while it lasts.
    let ended: String?
    let hasProposals: Bool
    let proposals: [Proposal]
    /// The board rates a proposal instead, never withdraws one.
    let canWithdraw = false
}

extension PeerProposalsPage {
    init(account: Coordinator, csrf: String, round: BoardRound, pairing: PeerPairing, card: Scorecard, moderating: Moderating,
         proposals: [PeerProposal], notice: String?, errors: [FieldError]) {
        let proposals = proposals.map { proposal in
            let scope = proposal.proposed.scope
            let options = ModerationForm.scoreOptions(moderating, scope)
            return Proposal(domID: WebApp.domID(scope.description), scope: "\(scope.kind):\(scope.id)", label: scope.description,
                            selfRating: card.rating(of: scope)?.text ?? "-", proposed: proposal.proposed.text, reason: proposal.proposed.reason,
                            by: proposal.proposed.by,
                            decided: proposal.decision.map { "\($0 == .accepted ? "Accepted" : "Changed") by \(proposal.decidedBy ?? "the board")" },
                            open: proposal.decision == nil, hasOptions: !options.isEmpty, options: options)
        }
        self.init(title: "\(pairing.reviewer) reviews \(pairing.reviewee)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf),
                  board: round.board, roundID: round.id, pairingID: pairing.id, reviewer: pairing.reviewer,
                  reviewee: pairing.reviewee, notice: notice, active: pairing.isActive, ended: pairing.endedAt, hasProposals: !proposals.isEmpty,
                  proposals: proposals)
    }
}
