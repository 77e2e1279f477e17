import Foundation
import S11Core

/// The sign-in page: a link to each OpenID Connect provider accounts may sign in through, and the
/// password form with the e-mail address typed last time.
struct LoginPage: PageModel {
    static let template = "admin-login"

    /// A provider's sign-in link.
    struct Provider: Encodable {
        let href: String
        let label: String
        /// Whose accounts it signs in, in words.
        let whom: String
    }

    let title = "Sign in"
    /// Why the browser is here: the session ended, and whether what was being saved is kept.
    let notice: String?
    let form: FormErrors
    let csrf: String
    let email: String
    let hasProviders: Bool
    let providers: [Provider]
}

extension LoginPage {
    init(csrf: String, email: String, errors: [FieldError], providers: [SignOnProvider] = [], notice: String? = nil) {
        let links = providers.map { Provider(href: "/admin/sign-on/\($0.name)", label: $0.label, whom: $0.whom) }
        self.init(notice: notice, form: FormErrors(errors), csrf: csrf, email: email, hasProviders: !links.isEmpty, providers: links)
    }

    /// What the page says when a session has ended (`ended` in its address): after `idle` seconds
    /// unused, with the form being saved kept or not; nil for none.
    static func notice(ended: String?, idle: TimeInterval) -> String? {
        guard let ended else { return nil }
        let minutes = Int((idle / 60).rounded())
        let after = "You were signed out: s11 signs you out after \(minutes == 1 ? "a minute" : "\(minutes) minutes") without use, and 8 hours after you sign in, to keep the audits safe on a shared or unattended computer."
        return ended == "kept" ? after + " What you were saving is kept for an hour: sign in again as the same person to send it." : after
    }
}
