import Foundation
import S11Core

/// The message inviting a member organisation's lead to run its audit in the board's round: what
/// the round is, the deadline, and the link to set their password (or, for a lead who already has
/// an account, to sign in). Plain UTF-8 text, CRLF line ends.
public struct LeadInvitationMail: Sendable {
    public var board: String
    public var year: Int
    public var deadline: CalendarDate
    public var baseURL: String
    public var from: String

    public init(board: String, year: Int, deadline: CalendarDate, baseURL: String, from: String) {
        self.board = board
        self.year = year
        self.deadline = deadline
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.from = from
    }

    /// Where the lead sets their password: `/admin/welcome/<token>`.
    public func link(_ token: String) -> String { Self.link(token, baseURL: baseURL) }

    public static func link(_ token: String, baseURL: String) -> String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/admin/welcome/" + token
    }

    public func subject(for member: RoundMember) -> String {
        "\(board): the \(year) safeguarding self-assessment for \(member.organisation)"
    }

    /// The message for one lead; `token` nil when they already sign in to s11.
    public func message(to member: RoundMember, token: String?, date: Date) -> Data {
        let access = token.map { """
            Set your password and sign in with this link (it is yours alone and lasts 14 days; do not forward it):
            \(link($0))
            """ } ?? "You already have an account: sign in at \(baseURL)/admin/login."
        let body = """
            Dear \(member.leadName),

            \(board) has opened its \(year) safeguarding self-assessment, and \(member.organisation) is one of its member organisations. As its lead you run your organisation's audit: name the officers who answer, follow their returns, and when you are ready submit the self-assessment to the board with your declaration.

            \(access)

            Please submit to the board by \(deadline.spelledOut).
            """
        return Data(InvitationMail.plainText(from: from, toName: member.leadName, toEmail: member.leadEmail, subject: subject(for: member),
                                             date: date, body: body).utf8)
    }
}
