import ArgumentParser
import Foundation
import S11App

/// `s11 backup`: an online copy of the database.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup",
        abstract: "Copy the database to a new file with SQLite's online backup (safe while 's11 serve' runs).")

    @Option(help: "The new backup file.") var out: String
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        try await reportingFailures {
            try await storeOptions.app().care.backup(to: out)
            print("backed up \(storeOptions.db) to \(out)")
        }
    }
}
