import Foundation

/// A document an officer attached to their answer to one question as evidence: kept once by its
/// content's SHA-256, shown by its cleaned name.
public struct EvidenceDocument: Sendable, Hashable {
    public var id: Int64
    public var officerEmail: String
    public var questionID: String
    /// The browser's file name, cleaned (`DocumentName`).
    public var name: String
    public var type: DocumentType
    public var size: Int64
    /// The SHA-256 of its bytes, in hexadecimal: the name it is stored under.
    public var sha256: String
    public var uploadedAt: Date
    /// Who attached it: the officer's link, or an account.
    public var uploadedBy: String
    /// Offered from last year's audit and not yet kept by the officer: it counts for nothing
    /// (no example, nothing for the board) until they keep it.
    public var carried: Bool

    public init(id: Int64, officerEmail: String, questionID: String, name: String, type: DocumentType, size: Int64, sha256: String,
                uploadedAt: Date, uploadedBy: String, carried: Bool = false) {
        self.id = id
        self.officerEmail = officerEmail
        self.questionID = questionID
        self.name = name
        self.type = type
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
        self.carried = carried
    }

    /// Its size in words, such as "1.2 MB" or "830 KB".
    public var sizeWords: String { DocumentLimits.words(size) }
}
