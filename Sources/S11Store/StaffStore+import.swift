import AsyncAlgorithms
import Foundation
import S11Core

/// Staff survey exports imported a file at a time, each file a batch that can be taken back.
extension StaffStore {
    /// Reads staff survey exports a mebibyte at a time and stores all their answer sets in one
    /// transaction, or none: any bad answer in any file, a file without answers, or a file whose
    /// bytes were imported into this audit before (unless `again`), and nothing is kept. Each file
    /// becomes a batch that `undoImport` can take back. Reading and checking run in a child
    /// task on Swift's shared threads while the database stores the batches already read, handed
    /// over one at a time through an `AsyncChannel` (each send waits until the batch is taken), so
    /// memory stays flat however long the files are and neither side blocks a thread waiting.
    @discardableResult
    public func importCSV(files: [String], reader: StaffSurveyCSVReader, auditID: Int64, importedBy: String,
                               again: Bool = false, today: CalendarDate = CalendarDate(Date(), in: .current),
                               reading: StaffFileReading = StaffFileReading()) async throws -> [StaffImportBatch] {
        try await importAnswerSets(auditID: auditID, questions: StaffCodebook(survey: reader.survey, scales: reader.scales)) { codebook, stage in
            let channel = AsyncChannel<StaffBatch>()
            // The reader runs beside the database's work, not on the transaction's own thread.
            async let reading = withTaskExecutorPreference(globalConcurrentExecutor) {
                try await Self.read(files, reader: reader, codebook: codebook, reading: reading, into: channel)
            }
            do {
                for await batch in channel { try await stage(batch) }
            } catch {
                // Leaving the scope cancels the reader; finishing lets a batch it is sending go.
                channel.finish()
                throw error
            }
            let outcome = try await reading
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
    public func importBatches(auditID: Int64) async throws -> [StaffImportBatch] {
        try await engine.read { db in try await Self.batches(auditID: auditID, db: db) }
    }

    /// The batch that imported a file with the same bytes as the one at `path` into the audit,
    /// if any: what the import would refuse unless told `again`.
    public func earlierImport(ofFile path: String, auditID: Int64) async throws -> StaffImportBatch? {
        let digest = try StaffFileReading().sha256(of: path)
        return try await importBatches(auditID: auditID).last { $0.sha256 == digest }
    }

    /// Takes one imported file's answer sets back out of the audit, in one transaction; returns
    /// the batch as it was. A batch of another audit is not found.
    @discardableResult
    public func undoImport(batchID: Int64, auditID: Int64) async throws -> StaffImportBatch {
        try await engine.write(locking: .audit(auditID)) { db in
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

    /// What the reader found: each file and every problem.
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

    /// Reads every file, sending answer sets while no problem has been found, and finishes the
    /// channel however it ends. Stops when its task is cancelled.
    private static func read(_ files: [String], reader: StaffSurveyCSVReader, codebook: StaffCodebook, reading: StaffFileReading,
                             into channel: AsyncChannel<StaffBatch>) async throws -> ReadOutcome {
        defer { channel.finish() }
        var outcome = ReadOutcome(files: [], problems: [])
        for (index, file) in files.enumerated() {
            let read = try await reading.read(file, index: index, reader: reader, codebook: codebook, sending: outcome.problems.isEmpty,
                                              into: channel)
            outcome.problems += read.problems
            outcome.files.append((file, read.count, read.sha256, read.dateOrder))
        }
        return outcome
    }
}
