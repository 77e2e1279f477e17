import S11Core

/// An uploaded survey export's columns, before anything is stored: how each was matched, what to
/// match it to instead, and the questions no column answers.
struct StaffCheckPage: PageModel {
    static let template = "admin-staff-check"

    struct Column: Encodable {
        let column: Int
        let heading: String
        let matched: Bool
        let options: [Target]
    }

    /// What a column can hold: a question, the date, or nothing s11 keeps.
    struct Target: Encodable {
        let id: String
        let label: String
        let selected: Bool
    }

    /// The import of the same file before: importing it again counts every answer twice.
    struct Earlier: Encodable {
        let file: String
        let answers: String
        let on: String
        let by: String
        /// The page that asks before taking the earlier import out.
        let undoHref: String
    }

    struct Missing: Encodable {
        let id: String
        let text: String
    }

    let title = "Check the columns"
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let file: String
    /// The upload's key, which the form posts back.
    let upload: String
    let matched: Int
    let columnCount: Int
    let columns: [Column]
    let hasMissing: Bool
    let missing: [Missing]
    /// The export's date order as chosen: day first, month first, or (neither) from the file.
    let dmy: Bool
    let mdy: Bool
    let earlier: Earlier?
    /// Whether "import it again on purpose" is ticked.
    let again: Bool
}

extension StaffCheckPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, survey: Survey, key: String,
         checked: (file: String, columns: [StaffColumnMatch], missing: [(id: String, text: String)]), dateOrder: String, chosen: [Int: String],
         earlier: StaffImportBatch?, again: Bool, errors: [FieldError]) {
        let targets: [(id: String, label: String)] = survey.profile.map { ($0.id, "\($0.id): \($0.label)") }
            + survey.statements.map { ($0.id, "\($0.id): \($0.text)") } + [("date", "The date answered"), ("ignore", "Leave out")]
        let columns = checked.columns.map { column in
            let value = chosen[column.column] ?? column.target ?? ""
            return Column(column: column.column, heading: column.heading, matched: column.target != nil,
                          options: targets.map { Target(id: $0.id, label: $0.label, selected: $0.id == value) })
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), id: audit.id, file: checked.file,
                  upload: key, matched: checked.columns.filter { $0.target != nil }.count, columnCount: checked.columns.count, columns: columns,
                  hasMissing: !checked.missing.isEmpty, missing: checked.missing.map { Missing(id: $0.id, text: $0.text) },
                  dmy: dateOrder == "dmy", mdy: dateOrder == "mdy",
                  earlier: earlier.map { Earlier(file: $0.fileName, answers: Counted($0.answerSets, "anonymous answer set").description,
                                                 on: $0.importedOn.spelledOut, by: $0.importedBy,
                                                 undoHref: "/admin/audits/\(audit.id)/staff/batches/\($0.id)/undo") },
                  again: again)
    }
}
