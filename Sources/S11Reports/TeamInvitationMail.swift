import Foundation
import S11Core

/// The messages a coordinator sends a colleague of their organisation: an invitation to join as a
/// coordinator, or a link to set a new password. Each carries a link to `/admin/welcome/<token>`
/// that works once, for 14 days. Plain UTF-8 text, CRLF line ends.
public struct TeamInvitationMail: Sendable {
    public enum Kind: Sendable { case join, newPassword }

    public var organisation: String
    public var baseURL: String
    public var from: String

    public init(organisation: String, baseURL: String, from: String) {
        self.organisation = organisation
        self.baseURL = baseURL
        self.from = from
    }

    public func subject(_ kind: Kind) -> String {
        kind == .join ? "You are invited to coordinate \(organisation)'s safeguarding self-assessment"
            : "A link to set a new password for \(organisation)'s safeguarding self-assessment"
    }

    /// The message to `name` at `email`, sent by `sender` (their display name or address).
    public func message(_ kind: Kind, toName name: String?, email: String, sender: String, token: String, date: Date) -> Data {
        let opening = kind == .join
            ? "\(sender) has added you as a coordinator of \(organisation)'s safeguarding self-assessment in s11: you will see its audits, name the officers who answer, follow their returns and keep the action plan."
            : "\(sender) has sent you a link to set a new password for s11, where you coordinate \(organisation)'s safeguarding self-assessment. Until you use it, your current password (if you remember it) still works; setting a new one also unlocks your account."
        let body = """
            Dear \(name ?? email),

            \(opening)

            Set your password and sign in with this link (it is yours alone, works once and lasts 14 days; do not forward it):
            \(LeadInvitationMail.link(token, baseURL: baseURL))

            You sign in as \(email).
            """
        return Data(InvitationMail.plainText(from: from, toName: name ?? email, toEmail: email, subject: subject(kind), date: date, body: body).utf8)
    }
}
