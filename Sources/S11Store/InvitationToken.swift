import S11Core
import Crypto
import Foundation

/// Officers' link tokens: 256 random bits from the system's secure generator, written in
/// base64url (43 characters); the store keeps only their SHA-256. The web pages use the same
/// shape for their CSRF tokens.
public enum InvitationToken {
    public static func generate() -> String {
        base64url(Data(SecureRandom.bytes(32)))
    }

    /// A token of the same shape derived from `token` for one `purpose` (HMAC-SHA256): whoever
    /// does not hold `token` cannot make it, and it changes whenever `token` does.
    public static func derived(from token: String, purpose: String) -> String {
        base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: SymmetricKey(data: Data(token.utf8)))))
    }

    /// 32 bytes as 43 characters of base64url without padding.
    private static func base64url(_ bytes: Data) -> String {
        bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    public static func isWellFormed(_ token: String) -> Bool {
        token.count == 43 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
