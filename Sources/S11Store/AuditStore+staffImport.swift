import Crypto
import Foundation
import S11Core

extension AuditStore {
    /// Reads staff survey exports a mebibyte at a time and stores all their answer sets in one
    /// transaction, or none: any bad answer in any file, a file without answers, or a file whose
    /// bytes were imported into this audit before (unless `again`), and nothing is kept. Each file
    /// becomes a batch that `undoStaffImport` can take back. Reading and checking run on a second
    /// thread while the database stores the batches already read, and at most a few batches wait
    /// between them, so memory stays flat however long the files are.
    public func importStaffCSV(files: [String], reader: StaffSurveyCSVReader, auditID: Int64, importedBy: String,
                               again: Bool = false, today: CalendarDate = CalendarDate(Date(), in: .current)) async throws -> [StaffImportBatch] {
        try await importStaffAnswerSets(auditID: auditID, questions: StaffCodebook(survey: reader.survey, scales: reader.scales)) { codebook, stage in
            let channel = BatchChannel()
            let producer = Thread {
                channel.finish(with: Result { try Self.read(files, reader: reader, codebook: codebook, into: channel) })
            }
            producer.start()
            defer { channel.close() }
            while let batch = channel.receive() { try await stage(batch) }
            let outcome = try channel.outcome()
            if !outcome.problems.isEmpty { throw DiagnosticsError(outcome.problems) }
            if let empty = outcome.files.first(where: { $0.count == 0 }) {
                throw DiagnosticsError([Diagnostic(SourceLocation(file: empty.file, line: 1, column: 1),
                                                   "the file holds no answers; export the survey's responses, not only its questions")])
            }
            return outcome.files.map { read in
                StagedFile(name: read.file, sha256: read.sha256, count: read.count, dateOrder: read.dateOrder)
            }
        } record: { staged, db in
            try await self.recordBatches(staged, auditID: auditID, importedBy: importedBy, again: again, today: today, db: db)
        }
    }

    /// The staff survey files imported into the audit, oldest first.
    public func staffImportBatches(auditID: Int64) async throws -> [StaffImportBatch] {
        try await engine.read { db in try await Self.batches(auditID: auditID, db: db) }
    }

    /// Takes one imported file's answer sets back out of the audit, in one transaction; returns
    /// the batch as it was. A batch of another audit is not found.
    @discardableResult
    public func undoStaffImport(batchID: Int64, auditID: Int64) async throws -> StaffImportBatch {
        try await engine.write { db in
            guard let batch = try await Self.batches(auditID: auditID, db: db).first(where: { $0.id == batchID }) else {
                let known = try await Self.batches(auditID: auditID, db: db).map { String($0.id) }
                throw StoreError("this audit has no staff import batch \(batchID)\(known.isEmpty ? "; it has none" : "; its batches are \(known.joined(separator: ", "))") ('s11 responses batches' lists them)")
            }
            try await db.execute("DELETE FROM staffAnswerSet WHERE auditID = ? AND batchID = ?", [auditID, batchID])
            try await db.execute("DELETE FROM staffImportBatch WHERE id = ?", [batchID])
            return batch
        }
    }

    // MARK: Inside the import

    /// A file read whole and staged, waiting to be recorded as a batch.
    struct StagedFile: Sendable {
        var name: String
        var sha256: String
        var count: Int
        var dateOrder: DateOrder?
    }

    /// What the reading thread found: each file and every problem.
    struct ReadOutcome: Sendable {
        var files: [(file: String, count: Int, sha256: String, dateOrder: DateOrder?)]
        var problems: [Diagnostic]
    }

    /// Refuses a file imported before (unless `again`), then records each file as a batch and
    /// returns the batches; the staged rows are then moved under their batch ids.
    private func recordBatches(_ staged: [StagedFile], auditID: Int64, importedBy: String, again: Bool,
                               today: CalendarDate, db: any SQLConnection) async throws -> [StaffImportBatch] {
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        let earlier = try await Self.batches(auditID: auditID, db: db)
        for file in staged where !again {
            if let before = earlier.first(where: { $0.sha256 == file.sha256 }) {
                problems.append(Diagnostic(SourceLocation(file: file.name, line: 1, column: 1),
                    "this file was imported into this audit before, as batch \(before.id) ('\(before.fileName)', \(before.answerSets) answer sets, on \(before.importedOn) by \(before.importedBy)); importing it again would count every answer twice, so nothing was imported. Add --again if this is on purpose, or take the earlier one back with 's11 responses undo \(before.id)'"))
            } else if let twin = seen[file.sha256] {
                problems.append(Diagnostic(SourceLocation(file: file.name, line: 1, column: 1),
                    "this file has the same bytes as \(twin), given in the same import; nothing was imported. Import it once (or add --again)"))
            }
            seen[file.sha256] = file.name
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        var batches: [StaffImportBatch] = []
        for file in staged {
            let name = URL(fileURLWithPath: file.name).lastPathComponent
            let id = try await db.insert("""
                INSERT INTO staffImportBatch (auditID, fileName, sha256, answerSets, importedOn, importedBy) VALUES (?, ?, ?, ?, ?, ?)
                """, [auditID, name, file.sha256, file.count, today.iso, importedBy])
            batches.append(StaffImportBatch(id: id, auditID: auditID, fileName: name, sha256: file.sha256, answerSets: file.count,
                                            importedOn: today, importedBy: importedBy))
        }
        return batches
    }

    private static func batches(auditID: Int64, db: any SQLConnection) async throws -> [StaffImportBatch] {
        try await db.fetchAll(StaffImportBatchRow.self, "SELECT * FROM staffImportBatch WHERE auditID = ? ORDER BY id", [auditID]).map(\.batch)
    }

    /// Reads every file, sending answer sets while no problem has been found.
    private static func read(_ files: [String], reader: StaffSurveyCSVReader, codebook: StaffCodebook,
                             into channel: BatchChannel) throws -> ReadOutcome {
        var outcome = ReadOutcome(files: [], problems: [])
        for (index, file) in files.enumerated() {
            var reading = StaffCSVImport(reader: reader, codebook: codebook, file: file)
            var hash = SHA256()
            func pass() throws {
                let block = reading.takeBlock()
                guard outcome.problems.isEmpty, reading.problems.isEmpty, !block.isEmpty else { return }
                guard channel.send(BatchChannel.Batch(file: index, block: block)) else { throw CancellationError() }
            }
            try readChunks(of: file) { chunk in
                hash.update(bufferPointer: chunk)
                try reading.feed(chunk)
                try pass()
            }
            try reading.finish()
            try pass()
            outcome.problems += reading.problems
            let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
            outcome.files.append((file, reading.count, digest, reading.dateOrder))
        }
        return outcome
    }

    /// Calls `body` with successive chunks of the file.
    private static func readChunks(of path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                               "cannot read the file: no such file, or not allowed; check the path")])
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: 1 << 20), !read.isEmpty else { return }
                chunk = read
            } catch {
                throw DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                                   "cannot read the file: \(error.localizedDescription)")])
            }
            try chunk.withUnsafeBytes { try body($0) }
        }
    }
}
