import ArgumentParser
import S11Core

/// `s11 officers import FILE.csv`.
struct Officers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the named officers who answer the self-assessment.", subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import officers from CSV (name,email,role,service_area); all rows or none; re-import updates.")

        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let session = try AuditSession(db: storeOptions.db, selection: selection)
                let result = try session.importOfficers(file: file)
                print("imported \(file) into \(session.audit.organisation) \(session.audit.year): \(result.added) added, \(result.updated) updated")
            }
        }
    }
}
