import S11Core

/// How an organisation's coordinators (or a board's users) may sign in through their own
/// accounts: the provider kept, what to register with it, and the form that sets or removes it.
struct SignOnSettingsPage: PageModel {
    static let template = "admin-sign-on-settings"

    /// The provider kept, as the page shows it.
    struct Current: Encodable {
        let label: String
        let issuer: String
        let clientID: String
        let domains: String
    }

    let title = "Signing in with your organisation's accounts"
    let bar: SignedInBar
    let form: FormErrors
    let notice: String?
    /// Whose accounts it is for, in words.
    let whom: String
    /// The address to register with the provider.
    let redirectURI: String
    let current: Current?
    /// The form's fields as typed, or as kept.
    let label: String
    let issuer: String
    let clientID: String
    let domains: String
}

extension SignOnSettingsPage {
    init(account: Coordinator, csrf: String, provider: SignOnProvider?, redirectURI: String, notice: String? = nil,
         typed: (label: String, issuer: String, clientID: String, domains: String)? = nil, errors: [FieldError] = []) {
        let current = provider.map { Current(label: $0.label, issuer: $0.issuer, clientID: $0.clientID, domains: $0.domains.joined(separator: ", ")) }
        let whom = account.organisation.map { "\($0)'s coordinators" } ?? "\(account.board ?? "the board")'s users"
        self.init(bar: SignedInBar(account: account, csrf: csrf), form: FormErrors(errors), notice: notice, whom: whom, redirectURI: redirectURI,
                  current: current, label: typed?.label ?? current?.label ?? "", issuer: typed?.issuer ?? current?.issuer ?? "",
                  clientID: typed?.clientID ?? current?.clientID ?? "", domains: typed?.domains ?? current?.domains ?? "")
    }
}
