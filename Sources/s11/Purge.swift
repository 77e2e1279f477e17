import ArgumentParser
import Foundation
import S11App
import S11Core

/// `s11 purge`: the staff survey's retention period.
struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purge",
        abstract: "Delete staff survey answers older than the retention period.")

    @Option(help: "Keep staff survey answers for this many years.") var staffOlderThan: Int
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard staffOlderThan >= 1 else { throw ValidationError("--staff-older-than must be at least 1 year") }
    }

    func run() async throws {
        try await reportingFailures {
            let deleted = try await storeOptions.app().care.deleteStaffAnswers(olderThan: staffOlderThan)
            print("deleted \(deleted) staff survey answers older than \(Counted(staffOlderThan, "year"))")
        }
    }
}
