import ArgumentParser
import Foundation
import S11App

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
            let tables = try await StoreCare.move(from: from, to: to)
            print(TextTable(header: ["table", "rows", "checksum (SHA-256)"],
                            rows: tables.map { [$0.table, String($0.rows), String($0.checksum.prefix(16))] }).render())
            print("moved \(tables.reduce(0) { $0 + $1.rows }) rows from \(S11App.displayName(from)) "
                  + "to \(S11App.displayName(to)); every table's count and checksum match")
        }
    }
}
