import S11Core

/// A challenge event: its panel, and each organisation it challenges with its ratings, to
/// moderate and write to.
struct ChallengeEventPage: PageModel {
    static let template = "admin-challenge-event"

    struct Organisation: Encodable {
        let auditID: Int64
        let organisation: String
        let overall: String
        let moderated: String
    }

    let title: String
    let hasErrors = false
    let bar: SignedInBar
    let board: String
    let roundID: Int64
    let eventID: Int64
    let heldOn: String
    let panel: String
    let organisations: [Organisation]
}

extension ChallengeEventPage {
    init(account: Coordinator, csrf: String, round: BoardRound, event: ChallengeEvent, organisations: [Organisation]) {
        self.init(title: event.title, bar: SignedInBar(account: account, csrf: csrf), board: round.board, roundID: round.id, eventID: event.id,
                  heldOn: event.heldOn.spelledOut, panel: event.panel.joined(separator: ", "), organisations: organisations)
    }
}

extension ChallengeEventPage.Organisation {
    init(_ audit: AuditRecord, card: Scorecard) {
        self.init(auditID: audit.id, organisation: audit.organisation, overall: card.overall.text, moderated: card.moderatedOverall?.text ?? "-")
    }
}
