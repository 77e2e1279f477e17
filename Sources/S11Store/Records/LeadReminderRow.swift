import Foundation
import S11Core

/// A row of the leadReminder table with its member's lead: one reminder to a round's lead,
/// claimed for a day, and once sent what the mail program said (nil while being sent).
struct LeadReminderRow: SQLRecord {
    var auditID: Int64
    var record: MailRecord

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "leadReminder")
        auditID = try columns("auditID")
        let claimed: String = try columns("claimedAt")
        let accepted: Bool? = try columns("accepted")
        let detail: String? = try columns("detail")
        record = MailRecord(officerEmail: try RowColumns(row, table: "roundMember")("leadEmail"), kind: .reminder, subject: "",
                            at: ISO8601DateFormatter().date(from: claimed) ?? .distantPast, accepted: accepted ?? false,
                            detail: detail ?? "being sent")
    }
}
