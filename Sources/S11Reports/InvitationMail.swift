import Foundation
import S11Core

/// Invitations and reminders as RFC 5322 e-mail files (`.eml`), so a council can send them through
/// its own mail system, and the mail-merge CSV beside them. Each message is plain UTF-8 text with
/// the officer's link, the deadline and who to ask.
public struct InvitationMail: Sendable {
    public enum Kind: Sendable { case invitation, reminder }

    public var organisation: String
    public var year: Int
    public var baseURL: String
    public var deadline: CalendarDate?
    public var contact: String?
    public var from: String

    public init(organisation: String, year: Int, baseURL: String, deadline: CalendarDate?, contact: String?,
                from: String = "Safeguarding audit <safeguarding-audit@localhost>") {
        self.organisation = organisation
        self.year = year
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.deadline = deadline
        self.contact = contact
        self.from = from
    }

    public func link(_ token: String) -> String { baseURL + "/r/" + token }

    /// The subject line of an invitation or a reminder.
    public func subject(_ kind: Kind) -> String {
        kind == .invitation
            ? "Safeguarding self-assessment \(year): your return for \(organisation)"
            : "Reminder: your \(year) safeguarding self-assessment return for \(organisation)"
    }

    /// The message, CRLF line ends, headers then a blank line then the body.
    public func message(_ kind: Kind, to officer: Officer, roleLabel: String, questions: Int, token: String, date: Date) -> String {
        let subject = subject(kind)
        let due = deadline.map { "Please submit by \($0.spelledOut)." } ?? "Please submit by the date your safeguarding lead has set."
        let opening = kind == .invitation
            ? "You are invited to complete the \(year) safeguarding self-assessment for \(organisation), answering for \(officer.serviceArea) as \(roleLabel)."
            : "Your \(year) safeguarding self-assessment return for \(organisation) (\(officer.serviceArea), \(roleLabel)) has not been submitted yet. Anything you have saved is kept."
        let body = """
            Dear \(officer.name),

            \(opening)

            There are \(questions) questions, one page per standard. For each, rate how far the requirement is met and give the evidence. N/A needs a reason; a Blue rating needs a best-practice example. Every page is saved when you move on, and "Save and come back later" keeps a page half done.

            Your personal link (do not forward it):
            \(link(token))
            \(kind == .reminder ? "\nThe link you were sent before works as well.\n" : "")
            \(due)
            \(contact.map { "Questions: \($0)." } ?? "Questions: contact your safeguarding lead.")
            """
        return Self.plainText(from: from, toName: officer.name, toEmail: officer.email, subject: subject, date: date, body: body)
    }

    /// The subject of the message that tells an officer their return is open again.
    public var reopenedSubject: String { "Your \(year) safeguarding self-assessment return for \(organisation) is open again" }

    /// The message that tells an officer their submitted return is open again, in the words of
    /// `coordinator`'s `reason`, with a link to it.
    public func reopenedMessage(to officer: Officer, by coordinator: String, reason: String, token: String, date: Date) -> Data {
        let due = deadline.map { "Please submit it again by \($0.spelledOut)." } ?? "Please submit it again as soon as you can."
        let body = """
            Dear \(officer.name),

            \(coordinator) has opened your \(year) safeguarding self-assessment return for \(organisation) again, so that you can change it. They said:

            \(reason)

            Your answers are kept. Change what is needed and submit the return again; until you do, it does not count in the organisation's results.

            Your personal link (do not forward it):
            \(link(token))

            The links you were sent before work as well.

            \(due)
            \(contact.map { "Questions: \($0)." } ?? "Questions: contact \(coordinator).")
            """
        return Data(Self.plainText(from: from, toName: officer.name, toEmail: officer.email, subject: reopenedSubject, date: date, body: body).utf8)
    }

    /// A plain UTF-8 text message: its headers, a blank line, then `body` with CRLF line ends.
    static func plainText(from: String, toName: String, toEmail: String, subject: String, date: Date, body: String) -> String {
        let headers = [
            "From: \(from)",
            "To: \(address(name: toName, email: toEmail))",
            "Subject: \(headerText(subject))",
            "Date: \(rfc5322Date(date))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        return (headers + [""] + lines).joined(separator: "\r\n") + "\r\n"
    }

    /// Every file of a batch: one `.eml` per officer (named by `fileName`), then `links.csv`.
    public func files(_ kind: Kind, for issued: [(officer: Officer, token: String)], content: AuditContent,
                      date: Date) -> [(name: String, data: Data)] {
        issued.map { officer, token in
            (Self.fileName(officer.email), message(kind, to: officer, token: token, content: content, date: date))
        } + [("links.csv", Data(mailMerge(issued).utf8))]
    }

    /// One officer's message as bytes, with their role and question count from the audit's content.
    public func message(_ kind: Kind, to officer: Officer, token: String, content: AuditContent, date: Date) -> Data {
        Data(message(kind, to: officer, roleLabel: content.selfAssessment.roleLabel(officer.role),
                     questions: content.questions(forRole: officer.role).count, token: token, date: date).utf8)
    }

    /// The mail-merge CSV: one row per officer with the link.
    public func mailMerge(_ rows: [(officer: Officer, token: String)]) -> String {
        var csv = "name,email,role,service_area,link\r\n"
        for (officer, token) in rows {
            csv += [officer.name, officer.email, officer.role, officer.serviceArea, link(token)].map(PlanCSV.field).joined(separator: ",") + "\r\n"
        }
        return csv
    }

    /// A file name from an e-mail address.
    public static func fileName(_ email: String) -> String {
        String(email.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }) + ".eml"
    }

    /// `"Name" <email>`, quoting the name when it has characters RFC 5322 reserves.
    static func address(name: String, email: String) -> String {
        let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " -'.".contains($0)) }
        let shown = plain ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return "\(headerText(shown)) <\(email)>"
    }

    /// Header text, RFC 2047-encoded when it is not plain ASCII.
    static func headerText(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard clean.contains(where: { !$0.isASCII }) else { return clean }
        return "=?UTF-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss +0000"
        return formatter.string(from: date)
    }
}
