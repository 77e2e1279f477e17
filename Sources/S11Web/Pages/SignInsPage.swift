import Foundation
import S11Core

/// The latest sign-ins, failures and refusals on the accounts a coordinator may see.
struct SignInsPage: PageModel {
    static let template = "admin-sign-ins"

    struct Event: Encodable {
        let at: String
        let email: String
        let address: String
        let outcome: String
    }

    let title = "Sign-ins"
    let hasErrors = false
    let bar: SignedInBar
    /// Whose sign-ins these are, in words.
    let scope: String
    let hasEvents: Bool
    let events: [Event]
}

extension SignInsPage {
    init(account: Coordinator, csrf: String, events: [SignInEvent], moments: MomentWords) {
        let rows = events.map { Event(at: moments.text($0.at), email: $0.email, address: $0.address, outcome: $0.outcome.words) }
        self.init(bar: SignedInBar(account: account, csrf: csrf),
                  scope: account.organisation.map { "every coordinator of \($0)" } ?? "your own account",
                  hasEvents: !rows.isEmpty, events: rows)
    }
}
