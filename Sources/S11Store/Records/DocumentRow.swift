import Foundation
import S11Core

/// A row of the document table with its officer's e-mail address (joined): one document attached
/// to an officer's answer.
struct DocumentRow: SQLRecord {
    var document: EvidenceDocument

    /// The columns a query selects for this record.
    static let columns = """
        document.id, officer.email, document.questionID, document.name, document.type, document.size, document.sha256,
        document.uploadedAt, document.uploadedBy, document.carried
        """

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "document")
        let type: String = try columns("type")
        document = EvidenceDocument(id: try columns("id"), officerEmail: try columns("email"), questionID: try columns("questionID"),
                                    name: try columns("name"), type: try Self.type(type), size: try columns("size"),
                                    sha256: try columns("sha256"), uploadedAt: Date(timeIntervalSince1970: try columns("uploadedAt")),
                                    uploadedBy: try columns("uploadedBy"), carried: (try columns("carried") as Int64) != 0)
    }

    private static func type(_ text: String) throws -> DocumentType {
        guard let type = DocumentType(rawValue: text) else { throw StoreError("a document in the store is of a kind this s11 does not know, '\(text)'") }
        return type
    }
}
