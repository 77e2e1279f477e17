import Foundation
import S11Core

/// Anonymous staff confidence answers. Each answer set is packed by the audit's codebook (one byte
/// per question), has a random key and keeps only its day, so none can be traced to who gave it or
/// when in the day, and a million of them are stored and counted without decoding any. The
/// survey's public link is kept here too (only its hash).
public struct StaffStore: StoreArea {
    let store: AuditStore

    /// Stores staff answer sets for an audit, all or none. Many submissions commit at once: rows
    /// go in under fresh random keys, and a codebook only grows (a code, once given, keeps its
    /// meaning), so answers packed with the codebook as read stay right whatever commits
    /// meanwhile. Only answers that grow it run alone among the audit's writers (other audits'
    /// go on beside), from the codebook as it is then.
    @discardableResult
    public func saveResponses(_ responses: [StaffResponse], auditID: Int64) async throws -> Int {
        try await engine.writeAlongside { db in
            var codebook = try await codebook(auditID: auditID, db: db)
            let read = codebook
            var rows = try responses.map { StaffCSVImport.Row(codes: try codebook.pack($0), submittedOn: $0.submittedOn) }
            if codebook != read {
                try await db.excludeOtherWriters(locking: [.audit(auditID)])
                codebook = try await self.codebook(auditID: auditID, db: db)
                let before = codebook
                rows = try responses.map { StaffCSVImport.Row(codes: try codebook.pack($0), submittedOn: $0.submittedOn) }
                if codebook != before { try await Self.save(codebook, auditID: auditID, db: db) }
            }
            try await Self.insert(rows, auditID: auditID, db: db)
            return rows.count
        }
    }

    /// Imports answer sets in one transaction, a batch at a time: `read` is given the audit's
    /// codebook (the stored one with `questions` added) to pack with, and a function that takes
    /// a batch of the `file`th file; it returns the files it read. `record` then records them as
    /// batches (and may refuse them), and each file's answer sets are stored under its batch's
    /// id, their slashed dates read in the file's order. When either throws, nothing is stored.
    func importAnswerSets(auditID: Int64, questions: StaffCodebook,
                          _ read: (StaffCodebook, (_ batch: StaffBatch) async throws -> Void) async throws -> [StagedFile],
                          record: ([StagedFile], any SQLConnection) async throws -> [StaffImportBatch]) async throws -> [StaffImportBatch] {
        try await engine.write(locking: .audit(auditID)) { db in
            var codebook = try await codebook(auditID: auditID, db: db)
            let before = codebook
            try codebook.merge(questions)
            if codebook != before { try await Self.save(codebook, auditID: auditID, db: db) }
            // Random keys put each row at a random place in the table, which costs a cache miss a
            // row once the table outgrows the page cache. So the answer sets are given their keys
            // and sorted by them as they are read (in runs, in bounded memory), then stored in key
            // order: in time that grows with the import and a cache that does not.
            let sort = StaffAnswerSort(width: codebook.questions.count)
            let staged = try await read(codebook) { batch in try sort.add(batch.block, file: batch.file) }
            let batches = try await record(staged, db)
            try sort.finish()
            let orders = staged.map(\.dateOrder)
            let day = UnsafeMutableRawBufferPointer.allocate(byteCount: 10, alignment: 1)
            defer { day.deallocate() }
            try await db.insertRows(into: "staffAnswerSet", columns: ["auditID", "id", "submittedOn", "codes", "batchID"]) { row in
                guard let answerSet = try sort.next() else { return false }
                row.removeAll(keepingCapacity: true)
                row.append(.integer(auditID))
                row.append(.blob(answerSet.key))
                if let date = ExportDay(packed: answerSet.day)?.day(in: orders[answerSet.file]) {
                    date.writeISO(into: day)
                    row.append(.text(UnsafeRawBufferPointer(day)))
                } else {
                    row.append(.null)
                }
                row.append(.blob(answerSet.codes))
                row.append(.integer(batches[answerSet.file].id))
                return true
            }
            return batches
        }
    }

    /// The audit's staff answer sets, unpacked.
    public func responses(auditID: Int64) async throws -> [StaffResponse] {
        try await engine.read { db in
            let codebook = try await codebook(auditID: auditID, db: db)
            return try await db.fetchAll(StaffAnswerSetRow.self, "SELECT id, submittedOn, codes FROM staffAnswerSet WHERE auditID = ?", [auditID])
                .map { try $0.response(codebook: codebook) }
        }
    }

    /// Counts the audit's staff answers for `survey`, reading the packed codes straight from the
    /// database without keeping them.
    public func tally(auditID: Int64, survey: Survey, scales: [Scale]) async throws -> StaffTally {
        StaffTally(survey: survey, scales: scales, counts: try await codeCounts(auditID: auditID))
    }

    /// Counts the audit's staff answer sets as stored, reading their packed codes straight from
    /// the database without keeping them (no survey needed: it can run while one is read).
    public func codeCounts(auditID: Int64) async throws -> StaffCodeCounts {
        try await engine.read { db in try await codeCounts(auditID: auditID, db: db) }
    }

    /// The same, in the caller's transaction (an audit's scoring input counts them so).
    func codeCounts(auditID: Int64, db: any SQLConnection) async throws -> StaffCodeCounts {
        var counts = StaffCodeCounts(codebook: try await codebook(auditID: auditID, db: db))
        try await db.forEachBlob("SELECT codes FROM staffAnswerSet WHERE auditID = ?", [auditID]) { counts.add($0) }
        return counts
    }

    /// How many staff answer sets the audit holds (imported and from the web).
    public func answerSetCount(auditID: Int64) async throws -> Int {
        try await engine.read { db in
            try await db.fetchValue(Int64.self, "SELECT COUNT(*) FROM staffAnswerSet WHERE auditID = ?", [auditID], table: "staffAnswerSet")
        }
            .map { Int($0) } ?? 0
    }

    /// The codebook the audit's staff answer sets are packed with (it only grows).
    public func codebook(auditID: Int64) async throws -> StaffCodebook {
        try await engine.read { db in try await codebook(auditID: auditID, db: db) }
    }

    /// Calls `body` with each of the audit's staff answer sets' packed codes, read in place.
    public func forEachCodes(auditID: Int64, _ body: (UnsafeRawBufferPointer) -> Void) async throws {
        try await engine.read { db in
            try await db.forEachBlob("SELECT codes FROM staffAnswerSet WHERE auditID = ?", [auditID], body)
        }
    }

    /// Up to `limit` of the audit's staff answer sets as stored (packed codes and day), in the
    /// order of their random keys, after the set with `key` (from the start when nil); the codebook
    /// that reads them; and the last key read, nil once none are left. Each page is its own short
    /// read, so a long export holds neither memory nor the database.
    public func answerSetPage(auditID: Int64, after key: Data?, limit: Int) async throws
        -> (codebook: StaffCodebook, rows: [(codes: [UInt8], day: String?)], last: Data?) {
        try await engine.read { db in
            let codebook = try await codebook(auditID: auditID, db: db)
            var rows: [(codes: [UInt8], day: String?)] = []
            var last: Data?
            let columns = "SELECT id, submittedOn, codes FROM staffAnswerSet WHERE auditID = ?"
            let sql = key == nil ? "\(columns) ORDER BY id LIMIT ?" : "\(columns) AND id > ? ORDER BY id LIMIT ?"
            let arguments: [any SQLBindable] = key.map { [auditID, $0, limit] } ?? [auditID, limit]
            try await db.forEachRow(sql, arguments) { row in
                let answerSet = try StaffAnswerSetRow(row)
                rows.append(([UInt8](answerSet.codes), answerSet.day))
                last = answerSet.key
            }
            return (codebook, rows, rows.count == limit ? last : nil)
        }
    }

    // MARK: The public link

    /// Issues the audit's public staff survey link, replacing any earlier one; only its hash is kept.
    public func issueLink(auditID: Int64) async throws -> String {
        let token = InvitationToken.generate()
        try await engine.write(locking: .audit(auditID)) { db in
            try await db.execute("""
                INSERT INTO staffLink (auditID, tokenSHA256, issuedAt) VALUES (?, ?, ?)
                ON CONFLICT (auditID) DO UPDATE SET tokenSHA256 = excluded.tokenSHA256, issuedAt = excluded.issuedAt
                """,
                           [auditID, InvitationToken.digest(token), Self.now()])
        }
        return token
    }

    /// The audit a staff survey link belongs to; nil for an unknown or replaced link.
    public func audit(forLink token: String) async throws -> AuditRecord? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try await engine.read { db in
            try await db.fetchOne(AuditRow.self, "SELECT a.* FROM staffLink s JOIN audit a ON a.id = s.auditID WHERE s.tokenSHA256 = ?",
                                  [InvitationToken.digest(token)])?.audit
        }
    }

    /// When the audit's public staff survey link was issued (ISO 8601); nil before the first.
    public func linkIssuedAt(auditID: Int64) async throws -> String? {
        try await engine.read { db in
            try await db.fetchValue(String.self, "SELECT issuedAt FROM staffLink WHERE auditID = ?", [auditID], table: "staffLink")
        }
    }

    // MARK: Inside a transaction

    /// The codebook the audit's staff answers are packed with (empty before the first answer),
    /// in the caller's transaction, decoded once per change (`AuditStore.codebooks`).
    func codebook(auditID: Int64, db: any SQLConnection) async throws -> StaffCodebook {
        guard let json = try await db.fetchValue(String.self, "SELECT questions FROM staffCodebook WHERE auditID = ?", [auditID],
                                                 table: "staffCodebook") else {
            return StaffCodebook()
        }
        return try store.codebooks.codebook(auditID: auditID, json: json)
    }

    private static func save(_ codebook: StaffCodebook, auditID: Int64, db: any SQLConnection) async throws {
        try await db.execute("""
            INSERT INTO staffCodebook (auditID, questions) VALUES (?, ?)
            ON CONFLICT (auditID) DO UPDATE SET questions = excluded.questions
            """,
                       [auditID, String(decoding: try JSONEncoder.sorted.encode(codebook), as: UTF8.self)])
    }

    private static func insert(_ rows: [StaffCSVImport.Row], auditID: Int64, db: any SQLConnection) async throws {
        try await db.insertRows(into: "staffAnswerSet", columns: ["auditID", "id", "submittedOn", "codes"], values(rows, auditID: auditID))
    }

    /// Each answer set as a row of the audit under a fresh random key.
    private static func values(_ rows: [StaffCSVImport.Row], auditID: Int64) -> [[SQLValue]] {
        zip(SecureRandom.keys(rows.count), rows).map { key, row in
            [.integer(auditID), .blob(key), row.day?.day(in: nil)?.iso.sqlValue ?? .null, .blob(Data(row.codes))]
        }
    }
}
