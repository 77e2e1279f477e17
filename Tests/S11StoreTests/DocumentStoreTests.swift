import Foundation
import S11Core
import S11TestSupport
import Testing
@testable import S11Store

/// Documents are kept once by their bytes, in chunks, with the rules that guard them checked in
/// the transaction that keeps them: a return's limit holds when two uploads race, a submitted
/// return takes none, and bytes no attachment keeps are deleted.
@Suite struct DocumentStoreTests {
    /// A store with Riverside's audit and one officer, Asha (as the trail's tests have it).
    func store() async throws -> (AuditStore, AuditRecord) { try await TrailTests().store() }

    /// A file of `size` bytes of `byte`, as an upload (its SHA-256 made up from the byte).
    func upload(_ name: String, size: Int, byte: UInt8) throws -> DocumentStore.Upload {
        try Self.upload(name, bytes: Data(repeating: byte, count: size), sha256: String(repeating: String(format: "%02x", byte), count: 32))
    }

    /// `bytes` written to a temporary file (the caller's to remove), as an upload under `sha256`.
    static func upload(_ name: String, bytes: Data, type: DocumentType = .pdf, sha256: String) throws -> DocumentStore.Upload {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s11-doc-\(UUID().uuidString)")
        try bytes.write(to: url)
        return DocumentStore.Upload(contents: url, name: name, type: type, size: Int64(bytes.count), sha256: sha256)
    }

    @Test func theSameBytesAreKeptOnceInChunksAndGoWithTheirLastAttachment() async throws {
        let (store, audit) = try await store()
        let limits = DocumentLimits(perFile: 10_000_000, perReturn: 10_000_000)
        let big = try upload("policy.pdf", size: DocumentStore.chunkSize * 2 + 10, byte: 0x41)
        let first = try await store.documents.attach(big, questionID: "1.1", officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha", limits: limits)
        _ = try await store.documents.attach(big, questionID: "1.2", officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha", limits: limits)
        #expect(try await store.documents.storedBytes() == (Int64(big.size), 3))                   // once, in three chunks
        await #expect(throws: DocumentRefusal.self) {                                             // not twice on one answer
            _ = try await store.documents.attach(big, questionID: "1.1", officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha", limits: limits)
        }
        var read = Data()
        for part in 0..<(try await store.documents.parts(sha256: big.sha256) ?? 0) {
            read += try #require(try await store.documents.chunk(sha256: big.sha256, part: part))
        }
        #expect(read == (try Data(contentsOf: big.contents)))
        #expect(try await store.documents.remove(id: first.id, officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha"))
        #expect(try await store.documents.storedBytes().bytes == Int64(big.size))                  // still kept by 1.2's
        let other = try #require(try await store.documents.documents(auditID: audit.id).first)
        #expect(try await store.documents.remove(id: other.id, officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha"))
        #expect(try await store.documents.storedBytes() == (0, 0))
    }

    @Test func twoUploadsRacingPastTheReturnsLimitKeepOnlyOne() async throws {
        let (store, audit) = try await store()
        let limits = DocumentLimits(perFile: 1_000, perReturn: 1_000)
        let uploads = try (0..<8).map { try upload("scan-\($0).pdf", size: 600, byte: UInt8(0x30 + $0)) }
        let kept = try await withThrowingTaskGroup(of: Bool.self) { group in
            for upload in uploads {
                group.addTask {
                    do {
                        _ = try await store.documents.attach(upload, questionID: "1.1", officerEmail: "asha@riverside.example", auditID: audit.id,
                                                             by: "asha", limits: limits)
                        return true
                    } catch is DocumentRefusal {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(kept == 1)
        #expect(try await store.documents.storedBytes().bytes == 600)
    }

    @Test func aSubmittedReturnTakesNoDocumentAndAnEraseTakesTheOfficersOut() async throws {
        let (store, audit) = try await store()
        let doc = try upload("policy.pdf", size: 100, byte: 0x42)
        _ = try await store.documents.attach(doc, questionID: "1.1", officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha", limits: .standard)
        let _: [String] = try await store.returns.submit(officerEmail: "asha@riverside.example", auditID: audit.id) { _ in [] }
        await #expect(throws: ChangeRules.Refusal.self) {
            _ = try await store.documents.attach(try upload("more.pdf", size: 10, byte: 0x43), questionID: "1.1", officerEmail: "asha@riverside.example",
                                                 auditID: audit.id, by: "asha", limits: .standard)
        }
        #expect(try await store.documents.documents(auditID: audit.id).count == 1)
        #expect(try await store.documents.storedBytes().bytes == 100)
        // Erased: their documents go, bytes and all.
        #expect(try await store.care.eraseOfficer(email: "asha@riverside.example") == 1)
        #expect(try await store.documents.documents(auditID: audit.id).isEmpty)
        #expect(try await store.documents.storedBytes() == (0, 0))
    }

    /// Next year's audit offers last year's documents with the answers they came with, as the same
    /// bytes, marked as carried: they count for nothing until the officer keeps them.
    @Test func lastYearsDocumentsAreOfferedUntilKept() async throws {
        let (store, audit) = try await store()
        for question in ["1.1", "9.9"] {
            _ = try await store.documents.attach(try upload("minutes \(question).pdf", size: 100, byte: question == "1.1" ? 0x44 : 0x45),
                                                 questionID: question, officerEmail: "asha@riverside.example", auditID: audit.id, by: "asha",
                                                 limits: .standard)
        }
        let next = try await store.audits.open(organisation: audit.organisation, year: 2027, files: TrailTests().files, carryFrom: audit, questionIDs: ["1.1"])
        let offered = try await store.documents.documents(auditID: next.id)
        #expect(offered.map(\.name) == ["minutes 1.1.pdf"] && offered.allSatisfy(\.carried))      // 9.9 is no longer asked
        #expect(try await store.documents.storedBytes() == (200, 2))                                 // the same bytes, not copied
        #expect(AttachedDocuments(offered).mentions(officerEmail: "asha@riverside.example", questionID: "1.1").isEmpty)
        let id = try #require(offered.first?.id)
        #expect(try await store.documents.keep(id: id, officerEmail: "asha@riverside.example", auditID: next.id, by: "asha"))
        #expect(try await !store.documents.keep(id: id, officerEmail: "asha@riverside.example", auditID: next.id, by: "asha"))   // once
        let kept = try await store.documents.documents(auditID: next.id)
        #expect(kept.first?.carried == false && AttachedDocuments(kept).mentions(officerEmail: "asha@riverside.example", questionID: "1.1").count == 1)
        #expect(try await store.trail.entries(auditID: next.id).last?.field == "kept from last year")
        // Last year's stay as they were.
        #expect(try await store.documents.documents(auditID: audit.id).map(\.carried) == [false, false])
    }
}
