import ArgumentParser
import S11App
import S11Core

/// `s11 officers import FILE.csv`, `s11 officers erase EMAIL`.
struct Officers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "officers",
        abstract: "Manage the named officers who answer the self-assessment.", subcommands: [Import.self, Erase.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Import officers from CSV (name,email,role,service_area); all rows or none; re-import updates.")

        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.session(selection)
                let result = try await session.importOfficers(file: file)
                print("imported \(file) into \(session.audit.organisation) \(session.audit.year): \(result.added) added, \(result.updated) updated")
            }
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "erase",
            abstract: "Remove an officer's personal data from every audit (name, e-mail, evidence text, links), keeping their returns' scores.")

        @Argument(help: "The officer's e-mail.") var email: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let erased = try await storeOptions.app().care.eraseOfficer(email: email)
                guard erased > 0 else { throw CLIError("no officer with e-mail '\(email)' in any audit") }
                print("erased \(email) from \(Counted(erased, "audit")); their answers still count, without the words or the name")
            }
        }
    }
}
