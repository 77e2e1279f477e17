import ArgumentParser
import Foundation
import S11Store
import S11Web

/// `s11 admin create`: an audit coordinator who signs in to the pages of `s11 serve`.
struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the audit coordinators who sign in to 's11 serve'.", subcommands: [Create.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a coordinator (or set a new password); the password is read from the terminal or standard input and stored as a bcrypt hash.")

        @Option(help: "The coordinator's e-mail, which they sign in with.") var email: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reportingFailures {
                guard email.contains("@"), !email.contains(where: \.isWhitespace) else { throw CLIError("'\(email)' is not an e-mail address") }
                let password: String
                if isatty(STDIN_FILENO) != 0, let typed = getpass("Password for \(email): ") {
                    password = String(cString: typed)
                } else {
                    password = readLine(strippingNewline: true) ?? ""
                }
                if let problem = CoordinatorPassword.problem(password) { throw CLIError(problem) }
                try AuditStore(path: storeOptions.db).saveCoordinator(email: email, passwordHash: CoordinatorPassword.hash(password))
                print("\(email) can sign in at /admin of 's11 serve' (any earlier sessions of theirs are signed out)")
            }
        }
    }
}
