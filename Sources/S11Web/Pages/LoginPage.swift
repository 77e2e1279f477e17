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
    let form: FormErrors
    let csrf: String
    let email: String
    let hasProviders: Bool
    let providers: [Provider]
}

extension LoginPage {
    init(csrf: String, email: String, errors: [FieldError], providers: [SignOnProvider] = []) {
        let links = providers.map { Provider(href: "/admin/sign-on/\($0.name)", label: $0.label, whom: $0.whom) }
        self.init(form: FormErrors(errors), csrf: csrf, email: email, hasProviders: !links.isEmpty, providers: links)
    }
}
