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
