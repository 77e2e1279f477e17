import ArgumentParser
import Foundation
import S11App

/// `s11 admin create`: an audit coordinator who signs in to the pages of `s11 serve`.
struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin",
        abstract: "Manage the audit coordinators who sign in to 's11 serve', and the providers they may sign in through.",
        subcommands: [Create.self, SignOnCommand.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create",
            abstract: "Add a coordinator (or set a new password); the password is read from the terminal or standard input and stored as a bcrypt hash.")

        @Option(help: "The coordinator's e-mail, which they sign in with.") var email: String
        @Option(help: "The organisation they coordinate: they see and run its audits, and nothing of any other's.") var org: String?
        @Option(help: "A board user instead, for the board named: sees its rounds and its member organisations' summaries (returns, scorecards, plans), no officer's answers, and changes no organisation's audit.")
        var board: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                guard email.contains("@"), !email.contains(where: \.isWhitespace) else { throw CLIError("'\(email)' is not an e-mail address") }
                let organisation = org?.trimmingCharacters(in: .whitespaces)
                let board = board?.trimmingCharacters(in: .whitespaces)
                guard (organisation?.isEmpty == false) != (board?.isEmpty == false) else {
                    throw CLIError("say whose audits \(email) may see: --org NAME for an organisation's coordinator, or --board NAME for a board user who sees that board's rounds and members")
                }
                let password: String
                if isatty(STDIN_FILENO) != 0, let typed = getpass("Password for \(email): ") {
                    password = String(cString: typed)
                } else {
                    password = readLine(strippingNewline: true) ?? ""
                }
                try await storeOptions.app().accounts.save(email: email, password: password,
                                                           organisation: board == nil ? organisation : nil, board: board)
                let sees = board.map { "\($0)'s rounds and its member organisations' summaries" } ?? "\(organisation!)'s audits"
                print("\(email) can sign in at /admin of 's11 serve' and sees \(sees) (any earlier sessions of theirs are signed out)")
            }
        }
    }
}
