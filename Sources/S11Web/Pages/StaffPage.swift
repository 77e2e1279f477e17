import S11Core

/// The staff confidence survey, for its coordinator: how many answered, the public link (shown
/// once, when issued), the upload of another tool's export and the files imported so far.
struct StaffPage: PageModel {
    static let template = "admin-staff"

    struct Batch: Encodable {
        let file: String
        let count: Int
        let on: String
        let by: String
        /// The page that asks before this file's answers are taken out.
        let undoHref: String
    }

    let title = "Staff confidence survey"
    let form: FormErrors
    let bar: SignedInBar
    let heading: AuditTitle
    let notice: String?
    /// How many anonymous answer sets the audit holds, in words.
    let answers: String
    /// The survey's new link, shown this once.
    let link: String?
    /// When the link staff have now was issued, in words; nil before the first.
    let linkIssued: String?
    let hasBatches: Bool
    let batches: [Batch]
}

extension StaffPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, answerSets: Int, batches: [StaffImportBatch], link: String?, notice: String?,
         errors: [FieldError], linkIssuedAt: String?, moments: MomentWords) {
        let batches = batches.map { Batch(file: $0.fileName, count: $0.answerSets, on: $0.importedOn.spelledOut, by: $0.importedBy,
                                         undoHref: "/admin/audits/\(audit.id)/staff/batches/\($0.id)/undo") }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit),
                  notice: notice, answers: Counted(answerSets, "anonymous answer set").description, link: link,
                  linkIssued: linkIssuedAt.map(moments.text(iso:)), hasBatches: !batches.isEmpty, batches: batches)
    }
}
