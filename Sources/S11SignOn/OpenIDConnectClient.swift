import AsyncHTTPClient
import Crypto
import Foundation
import JWTKit
import NIOCore
import S11App
import S11Core

/// OpenID Connect's authorisation code flow with PKCE, spoken to any provider that follows the
/// standard (Microsoft Entra ID, Google Workspace, Keycloak): the provider's published settings and
/// keys are read with async-http-client (and kept an hour, read again when a token names a key
/// not yet seen), and each ID token is checked with jwt-kit: its signature against those keys, its
/// issuer, its audience (s11's client id), the sign-in's nonce and its expiry.
public actor OpenIDConnectClient: IdentityProviderClient {
    private let http: HTTPClient
    private let timeout: TimeAmount
    /// Each issuer's settings and keys, and when they were read.
    private var known: [String: (metadata: ProviderMetadata, keys: JWTKeyCollection, read: Date)] = [:]

    /// A client speaking through `http` (the process's shared client unless told), giving each request `timeout`.
    public init(http: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)) {
        self.http = http
        self.timeout = timeout
    }

    public func authorizationURL(at provider: SignOnProvider, for attempt: SignOnAttempt, redirectURI: String) async throws -> String {
        let endpoint = try await metadata(of: provider).authorizationEndpoint
        let challenge = Data(SHA256.hash(data: Data(attempt.verifier.utf8))).base64URLEncoded
        return endpoint + (endpoint.contains("?") ? "&" : "?") + FormEncoding.encode([
            "response_type": "code", "client_id": provider.clientID, "redirect_uri": redirectURI, "scope": "openid email profile",
            "state": attempt.state, "nonce": attempt.nonce, "code_challenge": challenge, "code_challenge_method": "S256",
        ])
    }

    public func identity(at provider: SignOnProvider, code: String, for attempt: SignOnAttempt, redirectURI: String) async throws -> VerifiedIdentity {
        let metadata = try await metadata(of: provider)
        let idToken = try await exchange(code: code, at: metadata, provider: provider, verifier: attempt.verifier, redirectURI: redirectURI)
        let claims = try await verified(idToken, provider: provider)
        guard claims.issuer.value == metadata.issuer else {
            throw SignOnRefusal("The ID token was issued by \(claims.issuer.value), not by \(provider.label) (\(metadata.issuer)), so s11 cannot trust it.")
        }
        guard claims.nonce == attempt.nonce else {
            throw SignOnRefusal("The ID token does not answer this sign-in (its nonce is not the one s11 sent), so it may be a copy of another. Start again from the sign-in page.")
        }
        return VerifiedIdentity(subject: claims.subject.value, email: claims.email, emailVerified: claims.emailVerified?.value)
    }

    public func check(_ provider: SignOnProvider) async throws {
        known[provider.issuer] = nil
        _ = try await known(provider)
    }

    // MARK: The token

    /// The code exchanged at the token endpoint (with s11's client id and secret, and the code
    /// verifier) for the provider's ID token.
    private func exchange(code: String, at metadata: ProviderMetadata, provider: SignOnProvider, verifier: String,
                          redirectURI: String) async throws -> String {
        var request = HTTPClientRequest(url: metadata.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let credentials = FormEncoding.escape(provider.clientID) + ":" + FormEncoding.escape(provider.clientSecret)
        request.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString())
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode([
            "grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI, "code_verifier": verifier,
        ])))
        let (status, body) = try await send(request, to: provider, for: "exchange the sign-in code")
        let answer = try? JSONDecoder().decode(TokenAnswer.self, from: body)
        guard status == 200, let idToken = answer?.idToken else {
            let said = [answer?.error, answer?.errorDescription].compactMap { $0 }.joined(separator: ": ")
            throw SignOnRefusal("\(provider.label) refused the sign-in code (\(said.isEmpty ? "status \(status)" : said)). A code works once and for a few minutes: start again from the sign-in page.")
        }
        return idToken
    }

    /// The ID token's claims, once its signature (against the provider's published keys, read
    /// again once when it names a key not seen yet), expiry and audience are checked.
    private func verified(_ idToken: String, provider: SignOnProvider) async throws -> IDTokenClaims {
        var keys = try await known(provider).keys
        for attempt in 1...2 {
            do {
                return try await keys.verify(idToken, as: IDTokenClaims.self, expectedAudience: provider.clientID)
            } catch let error as JWTError where error.errorType == .unknownKID && attempt == 1 {
                known[provider.issuer] = nil
                keys = try await known(provider).keys
            } catch let error as JWTError {
                throw refusal(error, provider: provider)
            }
        }
        throw SignOnRefusal("The ID token is signed with a key \(provider.label) does not publish, so s11 cannot trust it.")
    }

    /// What was wrong with a token jwt-kit refused, in words.
    private func refusal(_ error: JWTError, provider: SignOnProvider) -> SignOnRefusal {
        switch error.errorType {
        case .signatureVerificationFailed:
            SignOnRefusal("The ID token's signature does not match \(provider.label)'s published keys: it was changed on the way, or not made by the provider. s11 cannot trust it.")
        case .unknownKID, .missingKIDHeader, .noKeyProvided:
            SignOnRefusal("The ID token is signed with a key \(provider.label) does not publish, so s11 cannot trust it.")
        case .claimVerificationFailure where error.reason?.contains("audience") == true:
            SignOnRefusal("The ID token was issued for another application, not for this s11 (client id \(provider.clientID)), so s11 cannot take it.")
        default:
            SignOnRefusal("\(provider.label) sent an ID token s11 cannot read (\(error.reason ?? "\(error.errorType)")).")
        }
    }

    // MARK: The provider's settings and keys

    private func metadata(of provider: SignOnProvider) async throws -> ProviderMetadata {
        try await known(provider).metadata
    }

    /// The provider's published settings and keys, read when not known or older than an hour.
    private func known(_ provider: SignOnProvider) async throws -> (metadata: ProviderMetadata, keys: JWTKeyCollection, read: Date) {
        if let kept = known[provider.issuer], kept.read.timeIntervalSinceNow > -3600 { return kept }
        let issuer = provider.issuer.hasSuffix("/") ? String(provider.issuer.dropLast()) : provider.issuer
        let (status, body) = try await send(HTTPClientRequest(url: issuer + "/.well-known/openid-configuration"), to: provider,
                                            for: "read its settings")
        guard status == 200, let metadata = try? JSONDecoder().decode(ProviderMetadata.self, from: body) else {
            throw SignOnRefusal("\(provider.label) did not publish its OpenID Connect settings at \(issuer)/.well-known/openid-configuration (status \(status)). Ask whoever runs s11 to check the issuer address.")
        }
        guard metadata.issuer == provider.issuer || metadata.issuer == issuer else {
            throw SignOnRefusal("\(provider.label) names itself \(metadata.issuer), not \(provider.issuer) as s11 was told. Ask whoever runs s11 to set the issuer exactly as the provider names it.")
        }
        let (keyStatus, keyBody) = try await send(HTTPClientRequest(url: metadata.keysURL), to: provider, for: "read its signing keys")
        let keys = JWTKeyCollection()
        guard keyStatus == 200, (try? await keys.add(jwksJSON: String(decoding: keyBody, as: UTF8.self))) != nil else {
            throw SignOnRefusal("\(provider.label) did not publish signing keys s11 can read at \(metadata.keysURL) (status \(keyStatus)).")
        }
        let kept = (metadata, keys, Date())
        known[provider.issuer] = kept
        return kept
    }

    /// Sends `request`, reading at most a megabyte of the answer; a provider that cannot be reached is a refusal naming what s11 was doing.
    private func send(_ request: HTTPClientRequest, to provider: SignOnProvider, for purpose: String) async throws -> (status: UInt, body: Data) {
        do {
            let response = try await http.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            return (response.status.code, Data(buffer: body))
        } catch {
            throw SignOnRefusal("\(provider.label) could not be reached to \(purpose) (\(error)). Try again in a minute; if it goes on, tell whoever runs s11.")
        }
    }
}

extension Data {
    /// base64url without padding, as PKCE writes its challenge.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
