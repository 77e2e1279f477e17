import Foundation
import S11Core
import S11Store

/// Looking after what the store keeps: an officer's personal data erased, staff answers past
/// their retention period deleted, backups taken and restored, a store moved to another engine.
public struct StoreCare: Sendable {
    let store: AuditStore

    /// Removes an officer's name, e-mail, evidence words and links from every audit while their
    /// returns still score; returns in how many audits they were found.
    public func eraseOfficer(email: String) async throws -> Int {
        try await store.care.eraseOfficer(email: email)
    }

    /// Deletes staff answer sets given more than `years` years before `today`; returns how many.
    public func deleteStaffAnswers(olderThan years: Int, today: Date = Date()) async throws -> Int {
        try await store.care.deleteStaffResponses(olderThan: years, today: today)
    }

    /// Deletes evidence documents attached more than `years` years before `today`, their bytes
    /// made unreadable from the store's files; returns how many.
    public func deleteDocuments(olderThan years: Int, today: Date = Date()) async throws -> Int {
        try await store.care.deleteDocuments(olderThan: years, today: today)
    }

    /// Writes a consistent copy of an SQLite store to `path` (safe while `s11 serve` runs).
    public func backup(to path: String) throws {
        try store.care.backup(to: path)
    }

    /// Restores the SQLite store at `path` from `backup`, after checking it is a whole s11 database;
    /// an existing store is replaced only when asked.
    public static func restore(from backup: String, to path: String, replace: Bool) async throws {
        try await DataCare.restore(from: backup, to: path, replace: replace)
    }

    /// Copies every table of the store at `source` into the empty store at `target` (on either
    /// engine), checking each table's count and checksum; returns each table's rows and checksum.
    public static func move(from source: String, to target: String) async throws -> [(table: String, rows: Int, checksum: String)] {
        guard PostgresLocation.isURL(source) || FileManager.default.fileExists(atPath: source) else {
            throw ApplicationError("no store at \(source); give the SQLite file to move with --from")
        }
        guard source != target else { throw ApplicationError("--from and --to name the same store; move into an empty one") }
        let report = try await AuditStore(database: source).care.move(into: try AuditStore(database: target))
        return report.tables.map { ($0.name, $0.rows, $0.checksum) }
    }
}
