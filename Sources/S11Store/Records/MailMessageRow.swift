import Foundation
import S11Core

/// A row of the mailMessage table with its officer's e-mail address: what became of one message.
struct MailMessageRow: SQLRecord {
    var record: MailRecord

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "mailMessage")
        record = MailRecord(officerEmail: try RowColumns(row, table: "officer")("email"), kind: try columns("kind"),
                            subject: try columns("subject"), at: Date(timeIntervalSince1970: try columns("at")),
                            accepted: try columns("accepted"), detail: try columns("detail"))
    }
}
