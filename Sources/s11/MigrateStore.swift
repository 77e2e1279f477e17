import ArgumentParser
import Foundation
import S11Store

/// `s11 migrate-store`: moves a whole store to another engine, checked table by table.
struct MigrateStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Move a store into an empty one elsewhere (a council's SQLite file onto a board's PostgreSQL server), verifying counts and checksums.",
        discussion: """
            The target is migrated to the current schema, then every row is copied in one transaction \
            that commits only when each table's row count and checksum, read back from the target, \
            match the source's. The source is not changed.
            """)

    @Option(help: ArgumentHelp("The store to copy: an SQLite file or a postgres:// URL.", valueName: "path-or-url"))
    var from: String

    @Option(help: ArgumentHelp("The empty store to fill: a postgres:// URL or an SQLite file.", valueName: "path-or-url"))
    var to: String

    func run() async throws {
        try await reportingFailures {
            guard PostgresLocation.isURL(from) || FileManager.default.fileExists(atPath: from) else {
                throw StoreError("no store at \(from); give the SQLite file to move with --from")
            }
            guard from != to else { throw StoreError("--from and --to name the same store; move into an empty one") }
            let report = try await AuditStore(database: from).move(into: try AuditStore(database: to))
            let rows = report.tables.map { [$0.name, String($0.rows), String($0.checksum.prefix(16))] }
            print(TextTable(header: ["table", "rows", "checksum (SHA-256)"], rows: rows).render())
            print("moved \(report.tables.reduce(0) { $0 + $1.rows }) rows from \(AuditStore.displayName(from)) "
                  + "to \(AuditStore.displayName(to)); every table's count and checksum match")
        }
    }
}
