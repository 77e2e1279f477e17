/// Reads returns from CSV: one row per answer, any number of officers in one file.
/// Columns: officer_email, question, option (a scale value, `na`, or empty), and optionally
/// evidence, example, reason, and the officer's improvement: improvement (what they will do),
/// improvement_lead (who will lead it), improvement_by (by when), improvement_measure (how we
/// will know it worked), and documents (files attached as the answer's evidence, named from the
/// CSV's own folder and separated by `;`).
public struct ReturnCSVReader: Sendable {
    public var organisation: String
    public var year: Int

    public init(organisation: String, year: Int) {
        self.organisation = organisation
        self.year = year
    }

    public static let required = ["officer_email", "question", "option"]
    public static let optional = ["evidence", "example", "reason", "improvement", "improvement_lead", "improvement_by", "improvement_measure", "documents"]

    public func returns(fromCSV text: String, file: String) throws(DiagnosticsError) -> [OfficerReturn] {
        let table = try CSVTable(text: text, file: file, required: Self.required, optional: Self.optional)
        var order: [String] = []
        var byOfficer: [String: OfficerReturn] = [:]
        var problems: [Diagnostic] = []
        for row in table.rows {
            guard let email = table.value("officer_email", in: row)?.lowercased() else {
                problems.append(Diagnostic(table.location("officer_email", in: row), "row \(row.line): the officer's e-mail is empty"))
                continue
            }
            guard let question = table.value("question", in: row) else {
                problems.append(Diagnostic(table.location("question", in: row), "row \(row.line): the question id is empty"))
                continue
            }
            let answer = Answer(
                questionID: question,
                choice: Answer.choice(from: table.value("option", in: row)),
                evidence: table.field("evidence", in: row)?.text,
                example: table.field("example", in: row)?.text,
                reason: table.field("reason", in: row)?.text,
                improvement: Improvement(action: table.field("improvement", in: row)?.text,
                                         lead: table.field("improvement_lead", in: row)?.text,
                                         by: table.field("improvement_by", in: row)?.text,
                                         measure: table.field("improvement_measure", in: row)?.text),
                location: table.location("option", in: row))
            if byOfficer[email] == nil {
                order.append(email)
                byOfficer[email] = OfficerReturn(organisation: organisation, year: year, officerEmail: email, answers: [],
                                                 location: SourceLocation(file: file, line: row.line, column: 1))
            }
            byOfficer[email]!.answers.append(answer)
            let files = (table.field("documents", in: row)?.text ?? "").split(separator: ";")
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            byOfficer[email]!.documents += files.map { NamedDocument(questionID: question, path: $0, location: table.location("documents", in: row)) }
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        return order.map { byOfficer[$0]! }
    }
}
