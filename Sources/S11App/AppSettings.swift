import Foundation
import S11Core

/// What the application needs to know of where it runs: where officers reach the server (for the
/// links in messages), how mail leaves, and where new audits' content is.
public struct AppSettings: Sendable {
    /// Where officers and leads reach `s11 serve`, for the links in invitations and reminders.
    public var baseURL: String
    /// The From line of every message.
    public var mailFrom: String
    /// The council's or board's mail program; nil writes messages as `.eml` files into `mailFolder`.
    public var delivery: (any MailDelivery)?
    /// Where messages are written when there is no mail program.
    public var mailFolder: String
    /// The folder holding Standards/ and Surveys/, which new audits and rounds open on; nil when none.
    public var contentRoot: URL?
    /// How pages and papers show a moment: in the council's time zone (Europe/London unless told).
    public var moments: MomentWords
    /// The days scheduled reminders may go: weekdays but the bank holidays.
    public var workingDays: WorkingDays
    /// How the server speaks to OpenID Connect providers; nil offers no sign-in through them.
    public var identityProviders: (any IdentityProviderClient)?
    /// How long a signed-in session lasts unused, in seconds (half an hour unless told).
    public var sessionIdle: TimeInterval
    /// Half an hour.
    public static let standardIdle: TimeInterval = 30 * 60
    /// The virus scanner every evidence document goes through before it is kept; nil for none.
    public var scanner: (any VirusScanner)?
    /// Whether documents are kept unscanned when there is no scanner (`s11 serve --no-scan`, on
    /// purpose); otherwise a server without one takes no documents.
    public var acceptsUnscannedDocuments: Bool
    /// How large a document, and all of one return's, may be.
    public var documentLimits: DocumentLimits

    public init(baseURL: String = "http://127.0.0.1:8080", mailFrom: String = Invitations.defaultFrom,
                delivery: (any MailDelivery)? = nil, mailFolder: String = "s11-mail", contentRoot: URL? = nil,
                moments: MomentWords = .london, workingDays: WorkingDays = BankHolidays.shipped,
                identityProviders: (any IdentityProviderClient)? = nil, sessionIdle: TimeInterval = standardIdle,
                scanner: (any VirusScanner)? = nil, acceptsUnscannedDocuments: Bool = false, documentLimits: DocumentLimits = .standard) {
        self.baseURL = baseURL
        self.mailFrom = mailFrom
        self.delivery = delivery
        self.mailFolder = mailFolder
        self.contentRoot = contentRoot
        self.moments = moments
        self.workingDays = workingDays
        self.identityProviders = identityProviders
        self.sessionIdle = sessionIdle
        self.scanner = scanner
        self.acceptsUnscannedDocuments = acceptsUnscannedDocuments
        self.documentLimits = documentLimits
    }

    /// Where a message goes: the mail program, or else `subfolder` of the mail folder.
    public func mailDelivery(subfolder: String) -> any MailDelivery {
        delivery ?? MailFolder(folder: URL(fileURLWithPath: mailFolder).appendingPathComponent(subfolder))
    }
}
