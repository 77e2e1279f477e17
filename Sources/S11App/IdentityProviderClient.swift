import S11Core

/// How s11 speaks OpenID Connect to a provider (`S11SignOn.OpenIDConnectClient`): the address that
/// sends the browser to sign in there, and the exchange of the code it sends back for an ID token,
/// whose signature, issuer, audience, nonce and expiry are checked before anything of it is believed.
public protocol IdentityProviderClient: Sendable {
    /// Where to send the browser to sign in at `provider` for `attempt`: the authorisation code
    /// flow with its state, nonce and PKCE challenge, coming back to `redirectURI`.
    func authorizationURL(at provider: SignOnProvider, for attempt: SignOnAttempt, redirectURI: String) async throws -> String

    /// Exchanges `code` (with the attempt's code verifier) for an ID token and checks it; throws a
    /// `SignOnRefusal` saying what was wrong with the provider's answer.
    func identity(at provider: SignOnProvider, code: String, for attempt: SignOnAttempt, redirectURI: String) async throws -> VerifiedIdentity

    /// Reads the provider's published settings and keys afresh; throws a `SignOnRefusal` saying
    /// what is wrong when s11 could not sign anyone in through it.
    func check(_ provider: SignOnProvider) async throws
}

/// Who a provider's checked ID token says signed in.
public struct VerifiedIdentity: Sendable, Hashable {
    /// The provider's own identifier for the person (`sub`).
    public var subject: String
    /// The `email` claim, when given.
    public var email: String?
    /// The `email_verified` claim, when given (Microsoft Entra ID gives none).
    public var emailVerified: Bool?

    public init(subject: String, email: String?, emailVerified: Bool?) {
        self.subject = subject
        self.email = email
        self.emailVerified = emailVerified
    }
}

/// A sign-in through a provider refused, and why, in words for the one signing in.
public struct SignOnRefusal: UserFacingError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
