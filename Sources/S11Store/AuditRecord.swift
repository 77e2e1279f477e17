import S11Core

/// An audit cycle: one organisation's self-assessment for one year.
public struct AuditRecord: Sendable, Hashable {
    public var id: Int64
    public var organisation: String
    public var year: Int
    public var openedAt: String
}

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

/// One officer and where their return stands.
public struct OfficerStatus: Sendable, Hashable {
    public var officer: S11Core.Officer
    public var status: ReturnStatus
    public var submittedAt: String?
    public var invited: Bool
    public var answered: Int
    /// Answers still carried from last year's audit, not yet confirmed or changed by the officer.
    public var carried: Int
}
