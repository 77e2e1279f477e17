import Foundation

/// Where s11 hands a finished RFC 5322 message for delivery: the council's mail program (see
/// `S11Mail.SendmailProgram`). s11 never speaks SMTP itself.
public protocol MailDelivery: Sendable {
    /// Hands over one message for `recipient`; says whether it was accepted and what the program said.
    func deliver(_ message: Data, to recipient: String) async -> MailDeliveryOutcome
}

/// What a mail program said to one message.
public struct MailDeliveryOutcome: Sendable, Hashable {
    public var accepted: Bool
    /// The program's own words when it refused (its error output and exit status); empty when accepted.
    public var detail: String

    public init(accepted: Bool, detail: String) {
        self.accepted = accepted
        self.detail = detail
    }
}
