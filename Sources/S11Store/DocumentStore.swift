import Foundation
import S11Core

/// Evidence documents attached to officers' answers. Each file's bytes are kept once, by their
/// SHA-256, in chunks of a mebibyte (so neither storing nor reading one holds it whole); each
/// attachment names the officer, the question and the file's cleaned name. Every change goes
/// into the audit's trail in its own transaction.
public struct DocumentStore: StoreArea {
    let store: AuditStore

    /// The size of each stored chunk.
    public static let chunkSize = 1 << 20

    /// A file ready to keep: checked and scanned, spooled to `contents`.
    public struct Upload: Sendable {
        public var contents: URL
        public var name: String
        public var type: DocumentType
        public var size: Int64
        public var sha256: String

        public init(contents: URL, name: String, type: DocumentType, size: Int64, sha256: String) {
            self.contents = contents
            self.name = name
            self.type = type
            self.size = size
            self.sha256 = sha256
        }
    }

    /// A file ready to keep, for one officer's answer: what an imported return attaches.
    public struct Attachment: Sendable {
        public var officerEmail: String
        public var questionID: String
        public var upload: Upload

        public init(officerEmail: String, questionID: String, upload: Upload) {
            self.officerEmail = officerEmail.lowercased()
            self.questionID = questionID
            self.upload = upload
        }
    }

    /// Attaches `upload` to the officer's answer to `questionID`, in one transaction that checks
    /// the return can still change (not submitted, not held by a board) and that the return's
    /// documents stay within `limits.perReturn`. The bytes are read from the file in chunks and
    /// stored unless the same bytes are kept already.
    public func attach(_ upload: Upload, questionID: String, officerEmail: String, auditID: Int64, by: String,
                       limits: DocumentLimits) async throws -> EvidenceDocument {
        try await engine.write(locking: .audit(auditID)) { db in
            try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
            let officer = try await ReturnStore.officerRow(email: officerEmail, auditID: auditID, db: db)
            if let refusal = ChangeRules.saving(into: officer.status) { throw refusal }
            guard let document = try await Self.insert(upload, questionID: questionID, officer: officer, auditID: auditID, by: by,
                                                       limits: limits, db: db) else {
                throw DocumentRefusal("\(upload.name) is attached to this answer already")
            }
            if officer.status == .notStarted {
                try await db.execute("UPDATE officer SET status = ? WHERE id = ?", [ReturnStatus.inProgress.rawValue, officer.id])
                try await ReturnStore.recordStatus(from: officer.status, to: .inProgress, who: by, officer: officer, auditID: auditID, db: db)
            }
            return document
        }
    }

    /// Keeps `upload` for the officer's answer to `questionID`, in the caller's transaction, once it
    /// is checked that the return's documents stay within `limits.perReturn`; the bytes are stored
    /// unless the same bytes are kept already. Nil when the same bytes are attached to that answer.
    static func insert(_ upload: Upload, questionID: String, officer: OfficerRow, auditID: Int64, by: String, limits: DocumentLimits,
                       db: any SQLConnection) async throws -> EvidenceDocument? {
        if try await db.fetchOne("SELECT 1 FROM document WHERE officerID = ? AND questionID = ? AND sha256 = ?",
                                 [officer.id, questionID, upload.sha256]) != nil {
            return nil
        }
        let carried = try await db.fetchValue(Int64.self, "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM document WHERE officerID = ?", [officer.id],
                                              table: "document") ?? 0
        guard carried + upload.size <= limits.perReturn else {
            throw DocumentRefusal("\(upload.name) would bring \(officer.officer.name)'s documents to \(DocumentLimits.words(carried + upload.size)); the most a return can carry is \(DocumentLimits.words(limits.perReturn)). Remove a document no longer needed, or send a smaller file")
        }
        if try await db.fetchOne("SELECT 1 FROM documentContent WHERE sha256 = ?", [upload.sha256]) == nil {
            try await storeBytes(of: upload, db: db)
        }
        let now = Date()
        let id = try await db.insert("""
            INSERT INTO document (officerID, questionID, name, type, size, sha256, uploadedAt, uploadedBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [officer.id, questionID, upload.name, upload.type.rawValue, upload.size, upload.sha256, now.timeIntervalSince1970, by])
        try await TrailStore.record([TrailEntry(at: now, who: by, subject: .document, officer: officer.officer.email, item: questionID,
                                                field: "attached", new: "\(upload.name) (\(upload.type.words), \(DocumentLimits.words(upload.size)))")],
                                    auditID: auditID, db: db)
        return EvidenceDocument(id: id, officerEmail: officer.officer.email, questionID: questionID, name: upload.name, type: upload.type,
                                size: upload.size, sha256: upload.sha256, uploadedAt: now, uploadedBy: by)
    }

    /// Copies the file's bytes into the store a chunk at a time, with their size and count.
    private static func storeBytes(of upload: Upload, db: any SQLConnection) async throws {
        let handle = try FileHandle(forReadingFrom: upload.contents)
        defer { try? handle.close() }
        var part: Int64 = 0, size: Int64 = 0
        try await db.execute("INSERT INTO documentContent (sha256, size, parts) VALUES (?, ?, 0)", [upload.sha256, upload.size])
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            try await db.execute("INSERT INTO documentChunk (sha256, part, bytes) VALUES (?, ?, ?)", [upload.sha256, part, chunk])
            part += 1
            size += Int64(chunk.count)
        }
        guard size == upload.size else {
            throw StoreError("the file to keep changed while it was stored (\(size) bytes, not \(upload.size)); nothing was kept")
        }
        try await db.execute("UPDATE documentContent SET parts = ? WHERE sha256 = ?", [part, upload.sha256])
    }

    /// The documents of the audit, or of one officer's return, in the order attached.
    public func documents(auditID: Int64, officerEmail: String? = nil) async throws -> [EvidenceDocument] {
        try await engine.read { db in try await Self.documents(auditID: auditID, officerEmail: officerEmail, db: db) }
    }

    /// The same, read in the caller's transaction.
    static func documents(auditID: Int64, officerEmail: String?, db: any SQLConnection) async throws -> [EvidenceDocument] {
        try await db.fetchAll(DocumentRow.self, """
            SELECT \(DocumentRow.columns) FROM document JOIN officer ON officer.id = document.officerID
            WHERE officer.auditID = ? AND (CAST(? AS TEXT) IS NULL OR officer.email = ? COLLATE NOCASE)
            ORDER BY document.id
            """, [auditID, officerEmail, officerEmail]).map(\.document)
    }

    /// The audit's document with this id, if there is one.
    public func document(id: Int64, auditID: Int64) async throws -> EvidenceDocument? {
        try await engine.read { db in
            try await db.fetchOne(DocumentRow.self, """
                SELECT \(DocumentRow.columns) FROM document JOIN officer ON officer.id = document.officerID
                WHERE document.id = ? AND officer.auditID = ?
                """, [id, auditID])?.document
        }
    }

    /// Takes a document off the officer's answer, in one transaction that checks the return can
    /// still change; bytes no other attachment keeps are deleted with it. False when the officer
    /// has no such document.
    public func remove(id: Int64, officerEmail: String, auditID: Int64, by: String) async throws -> Bool {
        try await engine.write(locking: .audit(auditID)) { db in
            guard let (officer, document) = try await Self.changeable(id: id, officerEmail: officerEmail, auditID: auditID, carriedOnly: false,
                                                                        db: db) else { return false }
            try await db.execute("DELETE FROM document WHERE id = ?", [id])
            try await Self.deleteUnkeptContent(sha256: document.sha256, db: db)
            try await TrailStore.record([TrailEntry(at: Date(), who: by, subject: .document, officer: officer.officer.email, item: document.questionID,
                                                    field: "removed", old: document.name)], auditID: auditID, db: db)
            return true
        }
    }

    /// The officer keeps a document carried from last year: from now it counts as one they
    /// attached. False when they have no such carried document.
    public func keep(id: Int64, officerEmail: String, auditID: Int64, by: String) async throws -> Bool {
        try await engine.write(locking: .audit(auditID)) { db in
            guard let (officer, document) = try await Self.changeable(id: id, officerEmail: officerEmail, auditID: auditID, carriedOnly: true,
                                                                        db: db) else { return false }
            try await db.execute("UPDATE document SET carried = 0 WHERE id = ?", [id])
            try await TrailStore.record([TrailEntry(at: Date(), who: by, subject: .document, officer: officer.officer.email, item: document.questionID,
                                                    field: "kept from last year", new: document.name)], auditID: auditID, db: db)
            return true
        }
    }

    /// The officer's document with this id (one still carried, when `carriedOnly`), in the caller's
    /// transaction, once it is checked that their return can change (not submitted, not held by a
    /// board: refused by throwing); nil when they have no such document.
    private static func changeable(id: Int64, officerEmail: String, auditID: Int64, carriedOnly: Bool,
                                   db: any SQLConnection) async throws -> (OfficerRow, EvidenceDocument)? {
        try await RoundStore.refuseIfHeldByBoard(auditID: auditID, db: db)
        let officer = try await ReturnStore.officerRow(email: officerEmail, auditID: auditID, db: db)
        if let refusal = ChangeRules.saving(into: officer.status) { throw refusal }
        guard let document = try await db.fetchOne(DocumentRow.self, """
            SELECT \(DocumentRow.columns) FROM document JOIN officer ON officer.id = document.officerID
            WHERE document.id = ? AND document.officerID = ? AND (document.carried = 1 OR ? = 0)
            """, [id, officer.id, carriedOnly ? 1 : 0])?.document else { return nil }
        return (officer, document)
    }

    /// Deletes every document of the officer, and the bytes no other attachment keeps, in the
    /// caller's transaction (an officer taken out or erased).
    static func deleteDocuments(officerID: Int64, db: any SQLConnection) async throws {
        let contents = try await db.fetchColumn(String.self, "SELECT DISTINCT sha256 FROM document WHERE officerID = ?", [officerID], table: "document")
        try await db.execute("DELETE FROM document WHERE officerID = ?", [officerID])
        for sha256 in contents { try await deleteUnkeptContent(sha256: sha256, db: db) }
    }

    /// Deletes the bytes stored under `sha256` when no attachment keeps them any more.
    static func deleteUnkeptContent(sha256: String, db: any SQLConnection) async throws {
        guard try await db.fetchOne("SELECT 1 FROM document WHERE sha256 = ?", [sha256]) == nil else { return }
        try await db.execute("DELETE FROM documentChunk WHERE sha256 = ?", [sha256])
        try await db.execute("DELETE FROM documentContent WHERE sha256 = ?", [sha256])
    }

    /// How many chunks hold the bytes stored under `sha256`; nil when none are.
    public func parts(sha256: String) async throws -> Int64? {
        try await engine.read { db in
            try await db.fetchValue(Int64.self, "SELECT parts FROM documentContent WHERE sha256 = ?", [sha256], table: "documentContent")
        }
    }

    /// One chunk of the bytes stored under `sha256`, for a download that sends them in turn.
    public func chunk(sha256: String, part: Int64) async throws -> Data? {
        try await engine.read { db in
            try await db.fetchValue(Data.self, "SELECT bytes FROM documentChunk WHERE sha256 = ? AND part = ?", [sha256, part], table: "documentChunk")
        }
    }

    /// Records a file refused before it was kept (a virus scanner named it): who, when, its name
    /// and why, in the refusals and in the audit's trail. None of its bytes are kept.
    public func recordRefusal(name: String, reason: String, officerEmail: String, auditID: Int64, by: String) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            let now = Date()
            try await db.execute("INSERT INTO documentRefusal (auditID, officerEmail, name, at, reason) VALUES (?, ?, ?, ?, ?)",
                                 [auditID, officerEmail.lowercased(), name, now.timeIntervalSince1970, reason])
            try await TrailStore.record([TrailEntry(at: now, who: by, subject: .document, officer: officerEmail, field: "refused", old: name, new: reason)],
                                        auditID: auditID, db: db)
        }
    }

    /// How many bytes of documents the store keeps, and in how many chunks: for tests and care.
    public func storedBytes() async throws -> (bytes: Int64, chunks: Int64) {
        try await engine.read { db in
            let bytes = try await db.fetchValue(Int64.self, "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM documentContent", [], table: "documentContent") ?? 0
            let chunks = try await db.fetchValue(Int64.self, "SELECT COUNT(*) FROM documentChunk", [], table: "documentChunk") ?? 0
            return (bytes, chunks)
        }
    }
}
