import Crypto
import Foundation

/// Digests written as lower-case hex: the key a content file is kept under, a table's checksum.
enum HexDigest {
    static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
