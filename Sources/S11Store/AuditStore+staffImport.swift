import Foundation
import S11Core

extension AuditStore {
    /// Reads staff survey exports a mebibyte at a time and stores all their answer sets in one
    /// transaction, or none: any bad answer in any file, or a file without answers, and nothing is
    /// kept. Reading and checking run on a second thread while the database stores the batches
    /// already read, and at most a few batches wait between them, so memory stays flat however
    /// long the files are. Returns each file's count.
    public func importStaffCSV(files: [String], reader: StaffSurveyCSVReader, auditID: Int64) throws -> [(file: String, count: Int)] {
        var counts: [(file: String, count: Int)] = []
        try importStaffAnswerSets(auditID: auditID, questions: StaffCodebook(survey: reader.survey, scales: reader.scales)) { codebook, store in
            let channel = BatchChannel()
            let producer = Thread {
                channel.finish(with: Result { try Self.read(files, reader: reader, codebook: codebook, into: channel) })
            }
            producer.start()
            defer { channel.close() }
            while let batch = channel.receive() { try store(batch) }
            let outcome = try channel.outcome()
            if !outcome.problems.isEmpty { throw DiagnosticsError(outcome.problems) }
            if let empty = outcome.counts.first(where: { $0.count == 0 }) { throw StoreError("\(empty.file) holds no answers") }
            counts = outcome.counts
        }
        return counts
    }

    /// What the reading thread found: each file's count and every problem.
    struct ReadOutcome: Sendable {
        var counts: [(file: String, count: Int)]
        var problems: [Diagnostic]
    }

    /// Reads every file, sending answer sets while no problem has been found.
    private static func read(_ files: [String], reader: StaffSurveyCSVReader, codebook: StaffCodebook,
                             into channel: BatchChannel) throws -> ReadOutcome {
        var outcome = ReadOutcome(counts: [], problems: [])
        for file in files {
            var reading = StaffCSVImport(reader: reader, codebook: codebook, file: file)
            func pass() throws {
                let rows = reading.takeRows()
                guard outcome.problems.isEmpty, reading.problems.isEmpty, !rows.isEmpty else { return }
                guard channel.send(rows) else { throw CancellationError() }
            }
            try readChunks(of: file) { chunk in
                try reading.feed(chunk)
                try pass()
            }
            try reading.finish()
            try pass()
            outcome.problems += reading.problems
            outcome.counts.append((file, reading.count))
        }
        return outcome
    }

    /// Calls `body` with successive chunks of the file.
    private static func readChunks(of path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError("cannot read \(path): no such file, or not allowed; check the path")
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: 1 << 20), !read.isEmpty else { return }
                chunk = read
            } catch {
                throw StoreError("cannot read \(path): \(error.localizedDescription)")
            }
            try chunk.withUnsafeBytes { try body($0) }
        }
    }
}
