import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports

/// `s11 remind`: reminders for the officers who have not submitted, sent or written.
struct Remind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remind",
        abstract: "Send reminders (--send) or write them (.eml and a mail-merge CSV, --out) for officers whose return is not in; or send those every audit's schedule has due now (--due).",
        discussion: """
            Each reminder carries a new link (s11 keeps only hashes, so the old one cannot be re-sent); answers already saved are kept.
            s11 serve with a mail program sends scheduled reminders itself; --due does the same once, for a cron job on a machine \
            without a server (every 15 minutes on working days, say). A reminder another server or run has sent is not sent again.
            """)

    @Option(help: "Folder for the .eml files and links.csv.") var out: String?
    @Flag(help: "Send the reminders through the mail program (--sendmail or $S11_SENDMAIL).") var send = false
    @Flag(help: "Send, through the mail program, the reminders every audit's schedule has due now, and no others.") var due = false
    @Option(help: "A content folder whose bank-holidays.txt replaces the shipped list of England and Wales's (with --due).") var content: String?
    @Option(help: "The council's time zone, in which schedules' days and times are read (with --due).") var timeZone = "Europe/London"
    @Option(help: "Where s11 serve is reached by officers.") var baseURL: String = "http://127.0.0.1:8080"
    @Option(help: "The date returns are due (YYYY-MM-DD); default the one 's11 invite' was given.") var deadline: String?
    @Option(help: "Who officers ask for help; default the one 's11 invite' was given.") var contact: String?
    @OptionGroup var mailOptions: MailOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func validate() throws {
        if [send, out != nil, due].filter({ $0 }).count != 1 {
            throw ValidationError("say which reminders go, and how: --send (the mail program) or --out DIR (files) for one audit, or --due for every audit's schedule")
        }
    }

    func run() async throws {
        try await reportingFailures {
            if due { return try await sendDue() }
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

extension Remind {
    /// `--due`: what every audit's schedule has due now, sent through the mail program.
    private func sendDue() async throws {
        guard let program = try mailOptions.program() else {
            throw CLIError("--due needs the mail program: give --sendmail \"msmtp -t\" (or set S11_SENDMAIL)")
        }
        let settings = AppSettings(baseURL: baseURL, mailFrom: mailOptions.from, delivery: program,
                                   moments: MomentWords(timeZone: try councilTimeZone(timeZone)),
                                   workingDays: try BankHolidays.load(contentRoot: content.map { URL(fileURLWithPath: $0) }))
        let reminders = try await storeOptions.app(settings).scheduledReminders
        let now = Date()
        let batches = try await reminders.sendDue(at: now, via: program)
        for batch in batches {
            let which = batch.which
            if let problem = batch.problem {
                printError("error: the reminders for \(which) were not sent: \(problem)")
                continue
            }
            print("sent \(Counted(batch.records.count, "reminder")) for \(which): \(batch.records.map(\.officerEmail).joined(separator: ", "))")
            for refused in batch.records where !refused.accepted {
                printError("error: the reminder to \(refused.officerEmail) was not sent: \(refused.detail)")
            }
        }
        if batches.isEmpty {
            let next = try await reminders.nextDue(after: now).map { settings.moments.text($0, weekday: true) }
            print("no reminder is due now" + (next.map { "; the next goes on \($0)" } ?? "; no schedule has one left"))
        }
        if batches.contains(where: { $0.problem != nil || $0.records.contains { !$0.accepted } }) { throw ExitCode(1) }
    }
}
