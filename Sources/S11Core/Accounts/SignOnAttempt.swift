/// A sign-in begun at an OpenID Connect provider: the provider, and the secrets that tie the
/// provider's answer to it: the state (the browser carries it there and back), the nonce (the ID
/// token must carry it) and the PKCE code verifier (the code can be exchanged only with it).
public struct SignOnAttempt: Sendable, Hashable {
    /// The provider's name.
    public var provider: String
    /// Empty once the attempt is claimed: only its hash is kept.
    public var state: String
    public var nonce: String
    public var verifier: String

    public init(provider: String, state: String, nonce: String, verifier: String) {
        self.provider = provider
        self.state = state
        self.nonce = nonce
        self.verifier = verifier
    }
}
