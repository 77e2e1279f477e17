import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports
import S11Store

/// `s11 remind`: reminder e-mails for the officers who have not submitted.
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write reminder e-mails (.eml) and a mail-merge CSV for officers whose return is not in.",
        discussion: "Each reminder carries a new link (s11 keeps only hashes, so the old one cannot be re-sent); answers already saved are kept.")

    @Option(help: "Folder for the .eml files and links.csv.") var out: String
    @Option(help: "Where s11 serve is reached by officers.") var baseURL: String = "http://127.0.0.1:8080"
    @Option(help: "The date returns are due (YYYY-MM-DD); default the one 's11 invite' was given.") var deadline: String?
    @Option(help: "Who officers ask for help; default the one 's11 invite' was given.") var contact: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func run() throws {
        try reportingFailures {
            let session = try AuditSession(db: storeOptions.db, selection: selection)
            let issued = try session.store.issueInvitations(auditID: session.audit.id, reissue: true, unsubmittedOnly: true)
            guard !issued.isEmpty else {
                print("every officer has submitted; no reminders to write")
                return
            }
            let stored = try session.store.returnsDue(auditID: session.audit.id)
            let writer = InvitationWriter(session: session, baseURL: baseURL,
                                          deadline: try parseDate(deadline, option: "--deadline") ?? stored.deadline,
                                          contact: contact ?? stored.contact)
            let paths = try writer.write(issued, to: out, kind: .reminder)
            print("wrote \(issued.count) reminders to \(out) (\(paths.count) files): \(issued.map(\.officer.name).joined(separator: ", "))")
        }
    }
}
