import Foundation
import S11Core
import S11Reports
import ZIPFoundation

/// An audit's evidence documents as one ZIP: a folder per standard and requirement, each document
/// under its name, and an `index.csv` (file, requirement, service area, uploaded, SHA-256). For the
/// organisation, every document; for a user of the board that holds the self-assessment, only
/// those the board may read (`EvidenceDocuments+reading`), with service areas as the board sees
/// them. Each document is copied out of the store a chunk at a time, never held whole.
public struct EvidenceBundle: Sendable {
    let documents: EvidenceDocuments
    let session: AuditSession

    public init(documents: EvidenceDocuments, session: AuditSession) {
        self.documents = documents
        self.session = session
    }

    /// The bundle's file name.
    public var fileName: String {
        "evidence-\(session.audit.organisation.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-"))-\(session.audit.year).zip"
    }

    /// Writes the bundle to a new file at `url`, as `account` may read it (nil: the organisation's
    /// own, from the command line); returns how many documents it holds.
    @discardableResult
    public func write(to url: URL, for account: Coordinator?) async throws -> Int {
        let shown = try await readable(for: account)
        let catalogue = session.content.catalogue
        let requirementOf = Dictionary(session.content.selfAssessment.questions.map { ($0.id, $0.requirementID) }, uniquingKeysWith: { a, _ in a })
        let archive = try Archive(url: url, accessMode: .create, pathEncoding: nil)
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("s11-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: spool) }
        var rows: [EvidenceIndexCSV.Row] = [], used: Set<String> = []
        for (document, area) in shown {
            let requirementID = requirementOf[document.questionID] ?? document.questionID
            let standard = catalogue.standards.first { $0.requirements.contains { $0.id == requirementID } }
            let folder = [standard.map { "\($0.id) \($0.title)" } ?? "Other", requirementID].map(Self.safe).joined(separator: "/")
            var path = folder + "/" + Self.safe(document.name)
            if !used.insert(path.lowercased()).inserted {                   // the same name twice in a folder: the later one numbered
                path = folder + "/\(document.id) " + Self.safe(document.name)
                used.insert(path.lowercased())
            }
            try await copy(document, to: spool)
            try archive.addEntry(with: path, fileURL: spool, compressionMethod: .deflate)
            rows.append(EvidenceIndexCSV.Row(file: path, requirement: requirementID, serviceArea: area, uploaded: document.uploadedAt,
                                             sha256: document.sha256))
        }
        let index = Data(EvidenceIndexCSV(timeZone: session.settings.moments.timeZone).write(rows).utf8)
        try archive.addEntry(with: "index.csv", type: .file, uncompressedSize: Int64(index.count), compressionMethod: .deflate) { position, size in
            index.subdata(in: Int(position)..<Int(position) + size)
        }
        return rows.count
    }

    /// The documents `account` may read, in the order attached, each with the service area it is
    /// shown under.
    private func readable(for account: Coordinator?) async throws -> [(EvidenceDocument, String)] {
        let all = try await documents.documents(auditID: session.audit.id)
        guard let account, account.organisation?.lowercased() != session.audit.organisation.lowercased() else {
            let areas = Dictionary(try await session.officerStatuses().map { ($0.officer.email.lowercased(), $0.officer.serviceArea) },
                                   uniquingKeysWith: { a, _ in a })
            return all.map { ($0, areas[$0.officerEmail.lowercased()] ?? "") }
        }
        guard account.isBoard, try await documents.heldByBoard(of: account, session.audit) else { return [] }
        let areas = try await documents.boardAreas(in: session)             // leaves out whoever it would single out
        return all.compactMap { document in areas[document.id].map { (document, $0) } }
    }

    /// Copies the document's bytes from the store into `file`, a chunk at a time.
    private func copy(_ document: EvidenceDocument, to file: URL) async throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ApplicationError("cannot write the bundle's working copy at \(file.path)")
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        for try await chunk in documents.bytes(of: document) { try handle.write(contentsOf: chunk) }
    }

    /// A name fit for a folder or file in the ZIP: no slashes, colons or control characters.
    static func safe(_ name: String) -> String {
        let cleaned = String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
        return cleaned.isEmpty ? "_" : cleaned
    }
}
