/// What a provider publishes at `/.well-known/openid-configuration` (OpenID Connect Discovery),
/// as far as s11 uses it.
struct ProviderMetadata: Decodable, Sendable {
    enum CodingKeys: String, CodingKey {
        case issuer, authorizationEndpoint = "authorization_endpoint", tokenEndpoint = "token_endpoint", keysURL = "jwks_uri"
    }

    let issuer: String
    let authorizationEndpoint: String
    let tokenEndpoint: String
    let keysURL: String
}
