import Foundation
import JWTKit
import S11App

/// The claims of an OpenID Connect ID token that s11 reads: who issued it and for whom, when it
/// runs out, the sign-in it answers (nonce) and the person's e-mail address.
struct IDTokenClaims: JWTIdentityToken {
    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", audience = "aud", expires = "exp", issuedAt = "iat"
        case nonce, email, emailVerified = "email_verified"
    }

    let issuer: IssuerClaim
    let subject: SubjectClaim
    let audience: AudienceClaim
    let expires: ExpirationClaim
    let issuedAt: IssuedAtClaim
    let nonce: String?
    let email: String?
    let emailVerified: BoolClaim?

    /// Refuses a token that has run out (its signature is checked before, its audience after).
    func verify(using _: some JWTAlgorithm) throws {
        do {
            try expires.verifyNotExpired()
        } catch {
            throw SignOnRefusal("The provider's ID token had run out (at \(expires.value.formatted(.iso8601))) when s11 received it. Sign in again; if it happens each time, the clocks of this server and the provider disagree.")
        }
    }
}
