import S11App
import S11Core

/// The signed-in account's audits: an organisation's own, or every organisation's summaries for a
/// board user; and the returns of other organisations the board asked this one to review.
struct AuditsPage: PageModel {
    static let template = "admin-audits"

    struct Audit: Encodable {
        let id: Int64
        let organisation: String
        let year: Int
        let officers: Int
        let submitted: Int
        let deadline: String
        /// Whether the account runs it (its own organisation's) or sees its summaries only (a board user).
        let running: Bool
    }

    /// A return another organisation's coordinator reviews for the board, while the review lasts.
    struct Review: Encodable {
        let pairingID: Int64
        let reviewee: String
    }

    let title = "Audits"
    let hasErrors = false
    let bar: SignedInBar
    /// Whose audits these are, in words.
    let scope: String
    let canOpen: Bool
    let isBoard: Bool
    let hasAudits: Bool
    let audits: [Audit]
    let hasReviews: Bool
    let reviews: [Review]
}

extension AuditsPage {
    init(account: Coordinator, csrf: String, audits: [Audit], reviews: [PeerPairing]) {
        let reviews = reviews.map { Review(pairingID: $0.id, reviewee: $0.reviewee) }
        self.init(bar: SignedInBar(account: account, csrf: csrf), scope: account.organisation ?? "every organisation's summaries (board)",
                  canOpen: !account.isBoard, isBoard: account.isBoard, hasAudits: !audits.isEmpty, audits: audits,
                  hasReviews: !reviews.isEmpty, reviews: reviews)
    }
}

extension AuditsPage.Audit {
    init(_ summary: AuditDirectory.Summary, account: Coordinator) {
        self.init(id: summary.audit.id, organisation: summary.audit.organisation, year: summary.audit.year, officers: summary.officers,
                  submitted: summary.submitted, deadline: summary.deadline?.spelledOut ?? "not set", running: !account.isBoard)
    }
}
