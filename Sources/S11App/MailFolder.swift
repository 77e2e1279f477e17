import Foundation
import S11Reports

/// Delivery into a folder instead of a mail program: each message becomes an `.eml` file named
/// by its recipient, for a council's or board's own mail system to send.
public struct MailFolder: MailDelivery {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func deliver(_ message: Data, to recipient: String) async -> MailDeliveryOutcome {
        let url = folder.appendingPathComponent(InvitationMail.fileName(recipient))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try message.write(to: url, options: .atomic)
            return MailDeliveryOutcome(accepted: true, detail: "")
        } catch {
            return MailDeliveryOutcome(accepted: false, detail: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
