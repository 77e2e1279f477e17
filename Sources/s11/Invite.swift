import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports

/// `s11 invite`: one unguessable link per officer, and the invitation, sent or written.
struct Invite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "invite",
        abstract: "Issue each officer's unique link and invitation (only a hash of each link is kept): sent, written to files, or printed.",
        discussion: "With --send, each invitation goes to the mail program (--sendmail or $S11_SENDMAIL), to every officer no invitation has reached yet, and what the program said is recorded ('s11 invite --status').")

    @Option(help: "Write links.csv and one invitation (.eml) per officer into this folder.") var out: String?
    @Flag(help: "Send the invitations through the mail program.") var send = false
    @Flag(help: "List each officer's last message: when, and whether the mail program accepted it.") var status = false
    @Option(help: "With --send: only this officer (repeatable), sent again even if one reached them.") var officer: [String] = []
    @Option(help: "Where s11 serve is reached by officers.") var baseURL: String = "http://127.0.0.1:8080"
    @Option(help: "The date returns are due (YYYY-MM-DD), quoted in the invitation.") var deadline: String?
    @Option(help: "Who officers ask for help, quoted in the invitation.") var contact: String?
    @Flag(help: "Issue new links to every officer; their old links stop working.") var reissue = false
    @Flag(help: "Issue the staff confidence survey's public link instead (replacing any earlier one).") var staff = false
    @OptionGroup var mailOptions: MailOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func validate() throws {
        if let deadline, CalendarDate(iso: deadline) == nil { throw ValidationError("--deadline '\(deadline)' is not a date (YYYY-MM-DD)") }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ValidationError("--base-url must start with http:// or https://")
        }
        if send && out != nil { throw ValidationError("--send and --out are two ways to deliver; choose one") }
        if !officer.isEmpty && !send { throw ValidationError("--officer chooses whom --send sends to; add --send") }
    }

    func run() async throws {
        try await reportingFailures {
            let session = try await storeOptions.session(selection)
            if staff {
                let link = try await session.issueStaffLink(baseURL: baseURL)
                print("the staff survey for \(session.audit.organisation) \(session.audit.year): \(link)")
                print("send it to all staff; answers are anonymous. Any earlier staff link no longer works.")
                return
            }
            if status { return try await printStatus(session) }
            try await session.setReturnsDue(deadline: deadline.flatMap(CalendarDate.init(iso:)), contact: contact)
            let invitations = Invitations(session: session, baseURL: baseURL, from: mailOptions.from)
            if send {
                guard let program = try mailOptions.program() else {
                    throw CLIError("--send needs the mail program: give --sendmail \"msmtp -t\" (or set S11_SENDMAIL)")
                }
                let records = try await invitations.send(.invitation, only: officer.isEmpty ? nil : Set(officer), via: program)
                try reportSent(records, nobody: "every officer has been sent an invitation; add --officer EMAIL to send one again")
                return
            }
            let issued = try await session.issueLinks(reissue: reissue)
            if issued.isEmpty {
                print("every officer already has a link; add --reissue to issue new ones (the old links then stop working)")
                return
            }
            if let out {
                let paths = try await invitations.write(.invitation, issued: issued, to: URL(fileURLWithPath: out))
                print("issued \(issued.count) links; wrote \(paths.count) files to \(out) (keep them safe: s11 stores only a hash of each link)")
            } else {
                let mail = try await invitations.mail()
                print(TextTable(header: ["Officer", "E-mail", "Link"],
                                rows: issued.map { [$0.officer.name, $0.officer.email, mail.link($0.token)] }).render())
            }
        }
    }

    private func printStatus(_ session: AuditSession) async throws {
        let lastMessages = try await session.lastMessages()
        let formatter = ISO8601DateFormatter()
        let rows = try await session.namedOfficers().map { officer -> [String] in
            guard let last = lastMessages[officer.email.lowercased()] else {
                return [officer.name, officer.email, "none", "", ""]
            }
            return [officer.name, officer.email, last.kind.rawValue, formatter.string(from: last.at),
                    last.accepted ? (last.detail.isEmpty ? "accepted by the mail program" : last.detail) : "FAILED: \(last.detail)"]
        }
        print(TextTable(header: ["Officer", "E-mail", "Last message", "At", "Result"], rows: rows).render())
    }
}

/// Prints what became of each message; fails (exit 1) when the mail program refused any.
func reportSent(_ records: [MailRecord], nobody: String) throws {
    guard !records.isEmpty else {
        print(nobody)
        return
    }
    let failed = records.filter { !$0.accepted }
    print("handed \(Counted(records.count, "message")) to the mail program: \(records.count - failed.count) accepted, \(failed.count) refused")
    for record in failed { printError("error: \(record.officerEmail): \(record.detail)") }
    if !failed.isEmpty {
        throw CLIError("\(failed.count) message\(failed.count == 1 ? " was" : "s were") not sent; fix the mail program's settings and send again (a new link goes to each)")
    }
}
