import Foundation

/// One e-mail s11 handed over for an officer (an invitation, a reminder, or word that their return
/// is open again): when, to whom, and what
/// the mail program said. The message itself is not kept: it carried the officer's link.
public struct MailRecord: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case invitation
        case reminder
        /// The coordinator reopened the officer's submitted return, and said why.
        case reopened
    }

    public var officerEmail: String
    public var kind: Kind
    public var subject: String
    public var at: Date
    /// Whether the mail program accepted the message for delivery.
    public var accepted: Bool
    /// What the mail program said (its error output when it refused), or where the file was written.
    public var detail: String

    public init(officerEmail: String, kind: Kind, subject: String, at: Date, accepted: Bool, detail: String) {
        self.officerEmail = officerEmail
        self.kind = kind
        self.subject = subject
        self.at = at
        self.accepted = accepted
        self.detail = detail
    }
}
