/// One staff survey file as it was imported: which file, its SHA-256, how many answer sets, the
/// day and who ran it. It holds nothing that links an answer to a line of the file: no row order,
/// no line numbers, only the count; its rows carry its id so that it can be taken back whole.
public struct StaffImportBatch: Sendable, Hashable {
    public var id: Int64
    public var auditID: Int64
    /// The file's name as given to the import (its folder left out).
    public var fileName: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var answerSets: Int
    public var importedOn: CalendarDate
    public var importedBy: String

    public init(id: Int64, auditID: Int64, fileName: String, sha256: String, answerSets: Int, importedOn: CalendarDate, importedBy: String) {
        self.id = id
        self.auditID = auditID
        self.fileName = fileName
        self.sha256 = sha256
        self.answerSets = answerSets
        self.importedOn = importedOn
        self.importedBy = importedBy
    }
}
