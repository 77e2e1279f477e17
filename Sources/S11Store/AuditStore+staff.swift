import Foundation
import GRDB
import S11Core

/// Anonymous staff confidence answers. Each answer set is packed by the audit's codebook (one byte
/// per question), has a random key and keeps only its day, so none can be traced to who gave it or
/// when in the day, and a million of them are stored and counted without decoding any.
extension AuditStore {
    /// Stores staff answer sets for an audit, all or none.
    @discardableResult
    public func saveStaffResponses(_ responses: [StaffResponse], auditID: Int64) throws -> Int {
        try writer.write { db in
            var codebook = try codebook(auditID: auditID, db: db)
            let before = codebook
            let rows = try responses.map { StaffCSVImport.Row(codes: try codebook.pack($0), submittedOn: $0.submittedOn) }
            if codebook != before { try Self.save(codebook, auditID: auditID, db: db) }
            try Self.insert(rows, auditID: auditID, db: db)
            return rows.count
        }
    }

    /// Imports answer sets in one transaction, a batch at a time: `read` is given the audit's
    /// codebook (the stored one with `questions` added) to pack with, and a function that stores a
    /// batch. When `read` throws, nothing is stored. Returns how many answer sets were stored.
    @discardableResult
    func importStaffAnswerSets(auditID: Int64, questions: StaffCodebook,
                                      _ read: (StaffCodebook, (_ batch: [StaffCSVImport.Row]) throws -> Void) throws -> Void) throws -> Int {
        try writer.write { db in
            var codebook = try codebook(auditID: auditID, db: db)
            let before = codebook
            try codebook.merge(questions)
            if codebook != before { try Self.save(codebook, auditID: auditID, db: db) }
            // Random keys put each row at a random place in the table, which costs a cache miss a
            // row once the table outgrows the page cache. So batches are appended to a staging
            // table first, then moved over in key order: one sort, then appends at the end of the
            // audit's range, in time that grows with the import and a cache that does not.
            try db.execute(sql: "CREATE TEMP TABLE staffImport (id BLOB NOT NULL, submittedOn TEXT, codes BLOB NOT NULL)")
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.staffImport") }
            let staging = try db.makeStatement(sql: "INSERT INTO temp.staffImport (id, submittedOn, codes) VALUES (?, ?, ?)")
            var stored = 0
            try read(codebook) { batch in
                for (key, row) in zip(SecureRandom.keys(batch.count), batch) {
                    try staging.execute(arguments: [key, row.submittedOn?.iso, Data(row.codes)])
                }
                stored += batch.count
            }
            try db.execute(sql: """
                INSERT INTO staffAnswerSet (auditID, id, submittedOn, codes)
                SELECT ?, id, submittedOn, codes FROM temp.staffImport ORDER BY id
                """, arguments: [auditID])
            return stored
        }
    }

    /// The audit's staff answer sets, unpacked.
    public func staffResponses(auditID: Int64) throws -> [StaffResponse] {
        try writer.read { db in
            let codebook = try codebook(auditID: auditID, db: db)
            return try Row.fetchAll(db, sql: "SELECT submittedOn, codes FROM staffAnswerSet WHERE auditID = ?", arguments: [auditID])
                .map { row in
                    codebook.unpack([UInt8](row["codes"] as Data), submittedOn: (row["submittedOn"] as String?).flatMap(CalendarDate.init(iso:)))
                }
        }
    }

    /// Counts the audit's staff answers for `survey`, reading the packed codes straight from the
    /// database without keeping them.
    public func staffTally(auditID: Int64, survey: Survey, scales: [Scale]) throws -> StaffTally {
        try writer.read { db in
            var tally = StaffTally(survey: survey, scales: scales, codebook: try codebook(auditID: auditID, db: db))
            let statement = try db.makeStatement(sql: "SELECT codes FROM staffAnswerSet WHERE auditID = ?")
            let rows = try Row.fetchCursor(statement, arguments: [auditID])
            while let row = try rows.next() {
                try row.withUnsafeData(atIndex: 0) { data in
                    data?.withUnsafeBytes { tally.add($0) }
                }
            }
            return tally
        }
    }

    // MARK: Inside a transaction

    /// The codebook the audit's staff answers are packed with (empty before the first answer).
    func codebook(auditID: Int64, db: Database) throws -> StaffCodebook {
        guard let json = try String.fetchOne(db, sql: "SELECT questions FROM staffCodebook WHERE auditID = ?", arguments: [auditID]) else {
            return StaffCodebook()
        }
        return try codebooks.codebook(auditID: auditID, json: json)
    }

    private static func save(_ codebook: StaffCodebook, auditID: Int64, db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO staffCodebook (auditID, questions) VALUES (?, ?)",
                       arguments: [auditID, String(decoding: try JSONEncoder.sorted.encode(codebook), as: UTF8.self)])
    }

    private static func insert(_ rows: [StaffCSVImport.Row], auditID: Int64, db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO staffAnswerSet (auditID, id, submittedOn, codes) VALUES (?, ?, ?, ?)")
        for (key, row) in zip(SecureRandom.keys(rows.count), rows) {
            try statement.execute(arguments: [auditID, key, row.submittedOn?.iso, Data(row.codes)])
        }
    }
}
