import S11App
import S11Core

/// The return a peer reviews, read-only: each standard's and requirement's self rating and the
/// officers' answers (by service area, without names), with the peer's proposal and a form to
/// propose one, while the pairing lasts.
struct PeerReviewPage: PageModel {
    static let template = "admin-peer-review"

    struct Row: Encodable {
        let domID: String
        let scope: String
        let label: String
        let selfRating: String
        let answers: [Answer]
        /// The peer's proposal and its reason; nil before they propose.
        let proposed: String?
        let reason: String?
        /// What the board made of the proposal; nil while it is open.
        let decided: String?
        let open: Bool
        let hasOptions: Bool
        let options: [RatingOption]
    }

    /// An officer's answer, by service area.
    struct Answer: Encodable {
        let serviceArea: String
        let answer: String
        /// The evidence, example and reason given; nil when none was.
        let evidence: String?
        /// The documents attached as evidence.
        let hasDocuments: Bool
        let documents: [DocumentLink]
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let pairingID: Int64
    let reviewee: String
    let year: Int
    let overall: String
    let rows: [Row]
    /// A peer proposes; withdrawing is the board's.
    let canWithdraw = false
}

extension PeerReviewPage {
    init(account: Coordinator, csrf: String, pairing: PeerPairing, audit: AuditRecord, card: Scorecard, moderating: Moderating,
         proposals: [PeerProposal], errors: [FieldError]) {
        let proposals = Dictionary(proposals.map { ($0.proposed.scope, $0) }, uniquingKeysWith: { a, _ in a })
        func row(_ scope: Moderation.Scope, label: String, rating: Rating, answers: [ScoredAnswer]) -> Row {
            let options = ModerationForm.scoreOptions(moderating, scope)
            let proposal = proposals[scope]
            return Row(domID: WebApp.domID(scope.description), scope: "\(scope.kind):\(scope.id)", label: label, selfRating: rating.text,
                       answers: answers.map { answer in
                           let given = [answer.evidence, answer.example.map { "Example: \($0)" }, answer.naReason.map { "Not applicable: \($0)" }]
                               .compactMap { $0 }.joined(separator: " ")
                           return Answer(serviceArea: answer.serviceAreaInWords, answer: answer.optionLabel, evidence: given.isEmpty ? nil : given,
                                         hasDocuments: !answer.documents.isEmpty,
                                         documents: DocumentLink.links(answer.documents, base: "/admin/peer/\(pairing.id)/documents/",
                                                                       linked: !answer.serviceArea.isEmpty))
                       },
                       proposed: proposal.map { $0.proposed.text }, reason: proposal?.proposed.reason,
                       decided: proposal?.decision.map { $0 == .accepted ? "Accepted by the board" : "The board rated it its own way" },
                       open: proposal?.decision == nil, hasOptions: !options.isEmpty, options: options)
        }
        var rows: [Row] = []
        for standard in card.standards {
            rows.append(row(.standard(standard.standardID), label: "Standard \(standard.number). \(standard.title)", rating: standard.rating, answers: []))
            for requirement in standard.requirements {
                rows.append(row(.requirement(requirement.requirementID), label: "\(requirement.requirementID) \(requirement.statement)",
                                rating: requirement.rating, answers: requirement.answers))
            }
        }
        self.init(title: "Peer review of \(pairing.reviewee)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf),
                  pairingID: pairing.id, reviewee: pairing.reviewee, year: audit.year, overall: card.overall.text, rows: rows)
    }
}
