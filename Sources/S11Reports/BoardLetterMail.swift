import Foundation
import S11Core

/// A letter from the board to an organisation's lead (the challenge panel's feedback), as an
/// RFC 5322 message: plain UTF-8 text, CRLF line ends, the text as the panel edited it.
public struct BoardLetterMail: Sendable {
    public var from: String

    public init(from: String) { self.from = from }

    public func message(to member: RoundMember, subject: String, text: String, date: Date) -> Data {
        Data(InvitationMail.plainText(from: from, toName: member.leadName, toEmail: member.leadEmail, subject: subject, date: date, body: text).utf8)
    }
}
