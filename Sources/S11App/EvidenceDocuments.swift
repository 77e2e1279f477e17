import Foundation
import S11Core
import S11Store
import Synchronization
import ZIPFoundation

/// Evidence documents attached to officers' answers: each file's kind decided from its bytes,
/// scanned by the server's virus scanner, and kept in the store with the audit; read back by
/// whoever may (`EvidenceDocuments+reading`).
public struct EvidenceDocuments: Sendable {
    let store: AuditStore
    let settings: AppSettings

    /// What became of one file.
    public enum Outcome: Sendable {
        case kept(EvidenceDocument)
        case refused(name: String, reason: String)
    }

    /// Why the server takes no documents at all, when it does not: no virus scanner, and not told
    /// to go without one. Nil when it takes them.
    public var closedBecause: String? {
        settings.scanner == nil && !settings.acceptsUnscannedDocuments
            ? "This server takes no documents: it has no virus scanner to check them. Describe the evidence in words, and tell your audit coordinator."
            : nil
    }

    /// A spool for the next file of an upload, at most the per-file limit.
    public func spool(name: String) throws -> DocumentSpool {
        try DocumentSpool(name: name, limit: settings.documentLimits.perFile)
    }

    /// Checks the spooled file's kind from its bytes, has the scanner read it (a file it names is
    /// refused and recorded, and nothing of it kept), and keeps it for the officer's answer to
    /// `questionID` as `by`. The spool is the caller's to discard.
    public func attach(_ spool: DocumentSpool, questionID: String, officer: Officer, auditID: Int64, by: String) async throws -> Outcome {
        let upload: DocumentStore.Upload
        switch try await check(spool, officerEmail: officer.email, auditID: auditID, by: by) {
        case .success(let checked): upload = checked
        case .failure(let refusal): return .refused(name: spool.name, reason: refusal.message)
        }
        do {
            return .kept(try await store.documents.attach(upload, questionID: questionID, officerEmail: officer.email, auditID: auditID, by: by,
                                                          limits: settings.documentLimits))
        } catch let refusal as DocumentRefusal {
            return .refused(name: spool.name, reason: refusal.message)
        }
    }

    /// The spooled file, ready to keep, once its kind is decided from its bytes and the scanner
    /// has read it; or why it is refused. A file the scanner names is recorded against the
    /// officer's return (who, when, the name it gave), and nothing of it is kept.
    func check(_ spool: DocumentSpool, officerEmail: String, auditID: Int64, by: String) async throws -> Result<DocumentStore.Upload, DocumentRefusal> {
        if let closed = closedBecause { return .failure(DocumentRefusal(closed)) }
        let sha256 = try spool.finish()
        guard spool.size > 0 else { return .failure(DocumentRefusal("\(spool.name) is empty")) }
        guard let type = DocumentType.detect(head: spool.head, zipEntries: DocumentType.isZip(spool.head) ? zipEntries(spool.url) : []),
              try type != .text && type != .email || isTextThroughout(spool.url) else {
            return .failure(DocumentRefusal("\(spool.name) is not a kind of file s11 keeps. Send a \(DocumentType.acceptedWords)"))
        }
        if let scanner = settings.scanner {
            let found: String?
            do {
                found = try await scanner.scan(spool.url)
            } catch {
                return .failure(DocumentRefusal("\(spool.name) could not be checked for viruses, so it was not kept (\(error)). Try again later"))
            }
            if let found {
                let reason = "a virus scanner named it: \(found)"
                try await store.documents.recordRefusal(name: spool.name, reason: reason, officerEmail: officerEmail, auditID: auditID, by: by)
                return .failure(DocumentRefusal("\(spool.name) was not kept: \(reason)"))
            }
        }
        return .success(DocumentStore.Upload(contents: spool.url, name: spool.name, type: type, size: spool.size, sha256: sha256))
    }

    /// The officer's documents, in the order attached.
    public func documents(of officer: Officer, auditID: Int64) async throws -> [EvidenceDocument] {
        try await store.documents.documents(auditID: auditID, officerEmail: officer.email)
    }

    /// Every document of the audit, in the order attached: for its coordinator.
    public func documents(auditID: Int64) async throws -> [EvidenceDocument] {
        try await store.documents.documents(auditID: auditID)
    }

    /// The officer keeps a document carried from last year; false when they have no such document.
    public func keep(id: Int64, officer: Officer, auditID: Int64, by: String) async throws -> Bool {
        try await store.documents.keep(id: id, officerEmail: officer.email, auditID: auditID, by: by)
    }

    /// Takes the officer's document off their answer; false when they have no such document.
    public func remove(id: Int64, officer: Officer, auditID: Int64, by: String) async throws -> Bool {
        try await store.documents.remove(id: id, officerEmail: officer.email, auditID: auditID, by: by)
    }

    /// The document's bytes, a chunk at a time, in order, each read from the store as it is asked for.
    public func bytes(of document: EvidenceDocument) -> AsyncThrowingStream<Data, Error> {
        let documents = store.documents
        // Each chunk is read when the one before has been taken (sent on to the client), so ten
        // slow downloads at once hold ten chunks, not ten files.
        let position = Mutex<(parts: Int64?, next: Int64)>((nil, 0))
        return AsyncThrowingStream {
            let (known, part) = position.withLock { ($0.parts, $0.next) }
            let parts: Int64
            if let known { parts = known } else { parts = try await documents.parts(sha256: document.sha256) ?? 0 }
            guard part < parts, let chunk = try await documents.chunk(sha256: document.sha256, part: part) else { return nil }
            position.withLock { $0 = (parts, part + 1) }
            return chunk
        }
    }

    /// The names of a ZIP archive's entries, in order; none when it cannot be read as one.
    private func zipEntries(_ url: URL) -> [String] {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else { return [] }
        return archive.map(\.path)
    }

    /// Whether every part of the file could be text (`DocumentType.isText`).
    private func isTextThroughout(_ url: URL) throws -> Bool {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            guard DocumentType.isText(chunk) else { return false }
        }
        return true
    }
}
