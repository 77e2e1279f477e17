import ArgumentParser
import Foundation
import S11App
import S11Core

/// `s11 purge`: the retention periods of the staff survey's answers and of evidence documents.
struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purge",
        abstract: "Delete staff survey answers, and evidence documents, older than their retention periods.",
        discussion: "Deleted documents' bytes are made unreadable from the store's files (SQLite zeroes them and empties its log; PostgreSQL rewrites the table).")

    @Option(help: "Keep staff survey answers for this many years.") var staffOlderThan: Int?
    @Option(help: "Keep evidence documents for this many years after they were attached.") var documentsOlderThan: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard staffOlderThan != nil || documentsOlderThan != nil else {
            throw ValidationError("say what to purge: --staff-older-than YEARS, --documents-older-than YEARS, or both")
        }
        guard (staffOlderThan ?? 1) >= 1 else { throw ValidationError("--staff-older-than must be at least 1 year") }
        guard (documentsOlderThan ?? 1) >= 1 else { throw ValidationError("--documents-older-than must be at least 1 year") }
    }

    func run() async throws {
        try await reportingFailures {
            let care = try await storeOptions.app().care
            if let staffOlderThan {
                let deleted = try await care.deleteStaffAnswers(olderThan: staffOlderThan)
                print("deleted \(deleted) staff survey answers older than \(Counted(staffOlderThan, "year"))")
            }
            if let documentsOlderThan {
                let deleted = try await care.deleteDocuments(olderThan: documentsOlderThan)
                print("deleted \(Counted(deleted, "evidence document")) attached more than \(Counted(documentsOlderThan, "year")) ago")
            }
        }
    }
}
