import Foundation
import S11Core
import S11Store

/// Signing in through an organisation's own accounts (OpenID Connect): the providers a server, a
/// board or an organisation names, a sign-in begun at one, and the provider's answer turned into a
/// session for the account whose e-mail address it vouched for, when the provider may sign it in.
public struct SignOn: Sendable {
    let store: AuditStore
    let settings: AppSettings

    /// Where providers send the browser back to: it is registered with each provider.
    public var redirectURI: String { settings.baseURL + "/admin/sign-on/callback" }

    /// The providers the sign-in page offers: every one, when the server can speak to providers.
    public func providers() async throws -> [SignOnProvider] {
        settings.identityProviders == nil ? [] : try await store.signOn.providers()
    }

    /// Every provider kept, whether or not this server can speak to them.
    public func allProviders() async throws -> [SignOnProvider] {
        try await store.signOn.providers()
    }

    /// Keeps `provider` (replacing the one of its name), refusing one that could not work.
    public func save(_ provider: SignOnProvider) async throws {
        if let problem = provider.problem { throw ApplicationError(problem) }
        try await store.signOn.save(provider)
    }

    /// The provider `account`'s own organisation (or board) signs in through, set on its settings page; nil for none.
    public func own(for account: Coordinator) async throws -> SignOnProvider? {
        guard let name = Self.ownName(for: account) else { return nil }
        return try await store.signOn.provider(named: name)
    }

    /// Sets the provider `account`'s organisation (a board user's board) signs in through: whose
    /// accounts it signs in comes from `account`, never from what was typed. A blank secret keeps
    /// the one kept. Refused, saying what to change, when it could not work or s11 cannot reach it.
    public func saveOwn(label: String, issuer: String, clientID: String, clientSecret: String, domains: String,
                        for account: Coordinator) async throws {
        guard let name = Self.ownName(for: account) else {
            throw ApplicationError("only an organisation's coordinators or a named board's users set how they sign in")
        }
        let scope: SignOnProvider.Scope = account.organisation.map { .organisation($0) } ?? .board(account.board ?? "")
        let secret = clientSecret.isEmpty ? try await store.signOn.provider(named: name)?.clientSecret ?? "" : clientSecret
        let provider = SignOnProvider(name: name, label: label.trimmingCharacters(in: .whitespaces), issuer: issuer.trimmingCharacters(in: .whitespaces),
                                      clientID: clientID.trimmingCharacters(in: .whitespaces), clientSecret: secret,
                                      domains: domains.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init), scope: scope)
        if let problem = provider.problem { throw ApplicationError(problem) }
        if secret.isEmpty { throw ApplicationError("give the client secret the provider gave s11") }
        try await settings.identityProviders?.check(provider)
        try await store.signOn.save(provider)
    }

    /// Stops `account`'s organisation (or board) signing in through its provider; says whether it did.
    public func removeOwn(for account: Coordinator) async throws -> Bool {
        guard let name = Self.ownName(for: account) else { return false }
        return try await store.signOn.remove(named: name)
    }

    /// The name of the provider an organisation's (or board's) own settings page keeps: `org-` or `board-` and its name in lower case.
    static func ownName(for account: Coordinator) -> String? {
        guard let owner = account.organisation.map({ "org-" + $0 }) ?? account.board.map({ "board-" + $0 }) else { return nil }
        let slug = owner.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        return String(slug).split(separator: "-").joined(separator: "-")
    }

    /// Removes the provider so named; says whether there was one.
    public func remove(named name: String) async throws -> Bool {
        try await store.signOn.remove(named: name)
    }

    /// Begins a sign-in at the provider so named: the address to send the browser to and the state
    /// the browser must bring back (kept in a cookie); nil for no such provider.
    public func begin(provider name: String) async throws -> (url: String, state: String)? {
        guard let client = settings.identityProviders, let provider = try await store.signOn.provider(named: name),
              let attempt = try await store.signOn.begin(provider: name) else { return nil }
        return (try await client.authorizationURL(at: provider, for: attempt, redirectURI: redirectURI), attempt.state)
    }

    /// Finishes the sign-in whose state the provider sent back with `code`: claims it (once), has
    /// the code exchanged and the ID token checked, and signs in the account with the vouched-for
    /// address when the provider may sign it in. Throws a `SignOnRefusal` saying why not.
    public func finish(state: String, code: String, address: String) async throws -> (session: String, account: Coordinator) {
        guard let client = settings.identityProviders else { throw SignOnRefusal("This server does not sign in through other providers. Sign in with your password.") }
        guard let (attempt, provider) = try await store.signOn.claim(state: state) else {
            throw SignOnRefusal("This sign-in has run out or has been used already: each works once, within ten minutes. Start again from the sign-in page.")
        }
        let identity = try await client.identity(at: provider, code: code, for: attempt, redirectURI: redirectURI)
        guard let email = identity.email?.trimmingCharacters(in: .whitespaces).lowercased(), email.contains("@") else {
            throw SignOnRefusal("\(provider.label) did not give your e-mail address, which s11 knows you by. Ask your IT team to release the 'email' claim to s11.")
        }
        if identity.emailVerified == false {
            throw SignOnRefusal("\(provider.label) says your e-mail address \(email) has not been verified, so s11 cannot take it as yours.")
        }
        guard provider.vouchesFor(email: email) else {
            throw SignOnRefusal("\(provider.label) may vouch only for addresses at \(provider.domains.joined(separator: ", ")); \(email) is not one. Sign in with your own organisation's account or your password.")
        }
        switch try await store.accounts.signOn(email: email, address: address, provider: provider) {
        case .signedIn(let session, let account):
            return (session, account)
        case .noAccount:
            throw SignOnRefusal("No s11 account has the address \(email). Ask your organisation's safeguarding lead, or the board's business unit, to invite you.")
        case .notAdmitted(let account):
            let whose = account.organisation.map { "an account of \($0)" } ?? "a board user's account"
            throw SignOnRefusal("\(provider.label) signs in only \(provider.whom), and \(email) is \(whose). Sign in with your own organisation's account or your password.")
        }
    }
}
