/// A content file an audit was opened with, pinned by its SHA-256.
public struct PinnedFile: Sendable, Hashable {
    public var kind: String
    public var path: String
    public var sha256: String
    public var data: [UInt8]

    public init(kind: String, path: String, sha256: String, data: [UInt8]) {
        self.kind = kind
        self.path = path
        self.sha256 = sha256
        self.data = data
    }
}
