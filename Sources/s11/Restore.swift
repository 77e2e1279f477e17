import ArgumentParser
import Foundation
import S11App

/// `s11 restore`: a checked backup back into place.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore",
        abstract: "Restore a backup into the database file (checked first: an s11 database that passes SQLite's integrity check).")

    @Option(help: "The backup file.") var from: String
    @Flag(help: "Replace the database file if it exists.") var replace = false
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        try await reportingFailures {
            try await StoreCare.restore(from: from, to: storeOptions.db, replace: replace)
            print("restored \(from) into \(storeOptions.db)")
        }
    }
}
