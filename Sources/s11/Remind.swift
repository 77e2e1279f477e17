import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports

/// `s11 remind`: reminders for the officers who have not submitted, sent or written.
struct Remind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remind",
        abstract: "Send reminders (--send) or write them (.eml and a mail-merge CSV, --out) for officers whose return is not in.",
        discussion: "Each reminder carries a new link (s11 keeps only hashes, so the old one cannot be re-sent); answers already saved are kept.")

    @Option(help: "Folder for the .eml files and links.csv.") var out: String?
    @Flag(help: "Send the reminders through the mail program (--sendmail or $S11_SENDMAIL).") var send = false
    @Option(help: "Where s11 serve is reached by officers.") var baseURL: String = "http://127.0.0.1:8080"
    @Option(help: "The date returns are due (YYYY-MM-DD); default the one 's11 invite' was given.") var deadline: String?
    @Option(help: "Who officers ask for help; default the one 's11 invite' was given.") var contact: String?
    @OptionGroup var mailOptions: MailOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func validate() throws {
        if send == (out != nil) { throw ValidationError("say how the reminders go: --send (the mail program) or --out DIR (files)") }
    }

    func run() async throws {
        try await reportingFailures {
            let session = try await storeOptions.session(selection)
            let invitations = Invitations(session: session, baseURL: baseURL, from: mailOptions.from,
                                          deadline: try parseDate(deadline, option: "--deadline"), contact: contact)
            if send {
                guard let program = try mailOptions.program() else {
                    throw CLIError("--send needs the mail program: give --sendmail \"msmtp -t\" (or set S11_SENDMAIL)")
                }
                try await reportSent(try invitations.send(.reminder, via: program), nobody: "every officer has submitted; no reminders to send")
                return
            }
            guard let out else { return }
            let names = try await invitations.recipients(.reminder).map(\.name)
            let paths = try await invitations.write(.reminder, to: URL(fileURLWithPath: out))
            guard !paths.isEmpty else {
                print("every officer has submitted; no reminders to write")
                return
            }
            print("wrote \(Counted(names.count, "reminder")) to \(out) (\(Counted(paths.count, "file"))): \(names.joined(separator: ", "))")
        }
    }
}
