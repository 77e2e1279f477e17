import ArgumentParser
import Foundation
import S11Core
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
            let issued = try session.store.issueInvitations(auditID: session.audit.id, reissue: reissue)
            let writer = InvitationWriter(session: session, baseURL: baseURL, deadline: deadline.flatMap(CalendarDate.init(iso:)),
                                          contact: contact)
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

/// Writes invitations: a links.csv for mail merge and one plain-text invitation per officer.
struct InvitationWriter {
    let session: AuditSession
    let baseURL: String
    let deadline: CalendarDate?
    let contact: String?

    func link(_ token: String) -> String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/r/" + token
    }

    func text(for officer: Officer, token: String) -> String {
        let content = session.content
        let questions = content.questions(forRole: officer.role).count
        let due = deadline.map { "Please submit by \($0.day) \($0.monthAndYear)." } ?? "Please submit by the date your safeguarding lead has set."
        return """
        Dear \(officer.name),

        You are invited to complete the \(session.audit.year) safeguarding self-assessment for \(session.audit.organisation), \
        answering for \(officer.serviceArea) as \(content.selfAssessment.roleLabel(officer.role)).

        There are \(questions) questions. For each, rate how far the requirement is met, and give the evidence. \
        N/A needs a reason. A Blue rating needs a best-practice example.

        Your personal link (do not forward it): \(link(token))

        \(due)
        \(contact.map { "Questions: \($0)." } ?? "Questions: contact your safeguarding lead.")

        """
    }

    func write(_ issued: [(officer: Officer, token: String)], to folder: String) throws -> [String] {
        var paths: [String] = []
        var csv = "name,email,role,service_area,link\r\n"
        for (officer, token) in issued {
            csv += [officer.name, officer.email, officer.role, officer.serviceArea, link(token)].map(csvField).joined(separator: ",") + "\r\n"
            let path = "\(folder)/\(fileName(officer.email)).txt"
            try writeFile(Data(text(for: officer, token: token).utf8), to: path)
            paths.append(path)
        }
        let csvPath = "\(folder)/links.csv"
        try writeFile(Data(csv.utf8), to: csvPath)
        return paths + [csvPath]
    }

    private func fileName(_ email: String) -> String {
        String(email.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }
}

/// One CSV field, quoted when it needs to be; a leading =, +, - or @ is prefixed with ' so
/// spreadsheets do not run it as a formula.
func csvField(_ value: String) -> String {
    var text = value
    if let first = text.first, "=+-@".contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
