import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports
import S11Store

/// `s11 invite`: one unguessable link per officer, and the invitation text.
struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue each officer's unique link and invitation text (only a hash of each link is kept).")

    @Option(help: "Write links.csv and one invitation text per officer into this folder.") var out: String?
    @Option(help: "Where s11 serve is reached by officers.") var baseURL: String = "http://127.0.0.1:8080"
    @Option(help: "The date returns are due (YYYY-MM-DD), quoted in the invitation.") var deadline: String?
    @Option(help: "Who officers ask for help, quoted in the invitation.") var contact: String?
    @Flag(help: "Issue new links to every officer; their old links stop working.") var reissue = false
    @Flag(help: "Issue the staff confidence survey's public link instead (replacing any earlier one).") var staff = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func validate() throws {
        if let deadline, CalendarDate(iso: deadline) == nil { throw ValidationError("--deadline '\(deadline)' is not a date (YYYY-MM-DD)") }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ValidationError("--base-url must start with http:// or https://")
        }
    }

    func run() throws {
        try reportingFailures {
            let session = try AuditSession(db: storeOptions.db, selection: selection)
            if staff {
                guard session.content.staffSurvey != nil else {
                    throw CLIError("this audit was opened without a staff confidence survey")
                }
                let token = try session.store.issueStaffLink(auditID: session.audit.id)
                let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
                print("the staff survey for \(session.audit.organisation) \(session.audit.year): \(base)/staff/\(token)")
                print("send it to all staff; answers are anonymous. Any earlier staff link no longer works.")
                return
            }
            try session.store.setReturnsDue(auditID: session.audit.id, deadline: deadline.flatMap(CalendarDate.init(iso:)), contact: contact)
            let stored = try session.store.returnsDue(auditID: session.audit.id)
            let issued = try session.store.issueInvitations(auditID: session.audit.id, reissue: reissue)
            let writer = InvitationWriter(session: session, baseURL: baseURL, deadline: stored.deadline, contact: stored.contact)
            if issued.isEmpty {
                print("every officer already has a link; add --reissue to issue new ones (the old links then stop working)")
                return
            }
            if let out {
                let paths = try writer.write(issued, to: out)
                print("issued \(issued.count) links; wrote \(paths.count) files to \(out) (keep them safe: s11 stores only a hash of each link)")
            } else {
                print(TextTable(header: ["Officer", "E-mail", "Link"],
                                rows: issued.map { [$0.officer.name, $0.officer.email, writer.link($0.token)] }).render())
            }
        }
    }
}

/// Writes invitations or reminders: one `.eml` per officer and the mail-merge `links.csv`.
struct InvitationWriter {
    let session: AuditSession
    let mail: InvitationMail

    init(session: AuditSession, baseURL: String, deadline: CalendarDate?, contact: String?) {
        self.session = session
        mail = InvitationMail(organisation: session.audit.organisation, year: session.audit.year, baseURL: baseURL,
                              deadline: deadline, contact: contact)
    }

    func link(_ token: String) -> String { mail.link(token) }

    func write(_ issued: [(officer: Officer, token: String)], to folder: String, kind: InvitationMail.Kind = .invitation) throws -> [String] {
        try mail.files(kind, for: issued, content: session.content, date: Date()).map { file in
            let path = "\(folder)/\(file.name)"
            try writeFile(file.data, to: path)
            return path
        }
    }
}
