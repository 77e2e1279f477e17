import Crypto
import Foundation
import GRDB
import S11Core

/// The embedded SQLite store (WAL, migrated on open). Every change is one transaction:
/// it lands whole or not at all.
public final class AuditStore: Sendable {
    let writer: any DatabaseWriter
    /// Staff codebooks, decoded once per change.
    let codebooks = StaffCodebookCache()

    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw StoreError("cannot open the database \(path): \(error.message ?? error.description)")
        }
    }

    /// An in-memory store, for tests.
    public init() throws {
        writer = try DatabaseQueue()
        try Schema.migrator.migrate(writer)
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Audits

    /// Opens an audit, pinning the exact content files it will be run against.
    /// Opens an audit pinned to `files`. With `carryFrom`, last year's officers come over and their
    /// answers to the questions still asked (`questionIDs`) become starting values marked as carried,
    /// in the same transaction: the new audit has all of them or does not exist.
    public func openAudit(organisation: String, year: Int, files: [(kind: String, path: String, data: Data)],
                          carryFrom previous: AuditRecord? = nil, questionIDs: Set<String> = []) throws -> AuditRecord {
        let organisation = organisation.trimmingCharacters(in: .whitespaces)
        guard !organisation.isEmpty else { throw StoreError("the organisation's name is empty") }
        return try writer.write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                arguments: [organisation, year]) != nil {
                throw StoreError("an audit for \(organisation) \(year) is already open; see 's11 audit list'")
            }
            let openedAt = Self.now()
            try db.execute(sql: "INSERT INTO audit (organisation, year, openedAt) VALUES (?, ?, ?)",
                           arguments: [organisation, year, openedAt])
            let id = db.lastInsertedRowID
            for file in files {
                let hash = Self.sha256(file.data)
                try db.execute(sql: "INSERT OR IGNORE INTO content (sha256, body) VALUES (?, ?)", arguments: [hash, file.data])
                try db.execute(sql: "INSERT INTO auditContent (auditID, kind, path, sha256) VALUES (?, ?, ?, ?)",
                               arguments: [id, file.kind, file.path, hash])
            }
            if let previous { try Self.carry(from: previous.id, to: id, questionIDs: questionIDs, db: db) }
            return AuditRecord(id: id, organisation: organisation, year: year, openedAt: openedAt)
        }
    }

    private static func carry(from previousID: Int64, to auditID: Int64, questionIDs: Set<String>, db: Database) throws {
        let now = Self.now()
        for row in try Row.fetchAll(db, sql: "SELECT * FROM officer WHERE auditID = ? ORDER BY id", arguments: [previousID]) {
            try db.execute(sql: "INSERT INTO officer (auditID, name, email, role, serviceArea, status) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [auditID, row["name"], row["email"], row["role"], row["serviceArea"], ReturnStatus.notStarted.rawValue])
            let officerID = db.lastInsertedRowID
            var carried = 0
            for answer in try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE officerID = ?", arguments: [row["id"] as Int64])
            where questionIDs.contains(answer["questionID"]) {
                try db.execute(sql: """
                    INSERT INTO answer (officerID, questionID, option, evidence, example, reason, updatedAt, carried)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                    """, arguments: [officerID, answer["questionID"], answer["option"], answer["evidence"], answer["example"],
                                     answer["reason"], now])
                carried += 1
            }
            if carried > 0 {
                try db.execute(sql: "UPDATE officer SET status = ? WHERE id = ?", arguments: [ReturnStatus.inProgress.rawValue, officerID])
            }
        }
    }

    /// Every audit, newest first.
    public func audits() throws -> [AuditRecord] {
        try audits(organisation: nil)
    }

    /// The audits of one organisation (whatever its case), or every audit when nil; newest first.
    func audits(organisation: String?) throws -> [AuditRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM audit WHERE ? IS NULL OR organisation = ? COLLATE NOCASE ORDER BY year DESC, organisation
                """, arguments: [organisation, organisation]).map(Self.audit)
        }
    }

    /// The same organisation's audit of the year before, if there is one (for change since last year).
    public func previousAudit(of audit: AuditRecord) throws -> AuditRecord? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                             arguments: [audit.organisation, audit.year - 1]).map(Self.audit)
        }
    }

    /// The audit named by organisation and/or year; with neither, the only audit there is.
    public func audit(organisation: String?, year: Int?) throws -> AuditRecord {
        try Self.select(try audits(), organisation: organisation, year: year, key: { ($0.organisation, $0.year) },
                        what: "audit", none: "no audit is open yet; start one with 's11 audit open --org NAME --year YYYY'")
    }

    /// Picks the one item an organisation and/or year names, or explains what matches instead.
    static func select<Item>(_ all: [Item], organisation: String?, year: Int?, key: (Item) -> (String, Int),
                             what: String, none: String) throws -> Item {
        let name = { (item: Item) in "\(key(item).0) \(key(item).1)" }
        let matching = all.filter {
            (organisation == nil || key($0).0.lowercased() == organisation!.lowercased()) && (year == nil || key($0).1 == year!)
        }
        if matching.count == 1 { return matching[0] }
        if all.isEmpty { throw StoreError(none) }
        if matching.isEmpty {
            let wanted = [organisation, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            throw StoreError("no \(what) for \(wanted); there are: \(all.map(name).joined(separator: "; "))")
        }
        throw StoreError("several \(what)s match; name one with --org and --year (\(matching.map(name).joined(separator: "; ")))")
    }

    static func audit(_ row: Row) -> AuditRecord {
        AuditRecord(id: row["id"], organisation: row["organisation"], year: row["year"], openedAt: row["openedAt"])
    }

    /// The content files the audit was opened with, byte for byte.
    public func pinnedFiles(auditID: Int64) throws -> [PinnedFile] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ac.kind, ac.path, ac.sha256, c.body FROM auditContent ac JOIN content c ON c.sha256 = ac.sha256
                WHERE ac.auditID = ? ORDER BY ac.path
                """, arguments: [auditID]).map { row in
                let body: Data = row["body"]
                return PinnedFile(kind: row["kind"], path: row["path"], sha256: row["sha256"], data: [UInt8](body))
            }
        }
    }
}
