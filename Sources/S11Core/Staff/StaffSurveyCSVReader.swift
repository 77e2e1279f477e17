import Foundation

/// Reads staff confidence answers from CSV: s11's own layout (columns named by profile and
/// statement ids), a SurveyMonkey export (two header rows) or a Microsoft Forms export. Columns
/// that could identify a person (respondent ids, e-mail, names, IP address, times) are dropped
/// unread, keeping only the day. Columns map to statements by a mapping file or by matching the
/// statement's text. Nothing is returned unless the whole file is good; every problem is reported
/// with its line and column.
public struct StaffSurveyCSVReader: Sendable {
    /// Which export a file is.
    public enum Layout: String, Sendable {
        case s11, surveyMonkey = "SurveyMonkey", microsoftForms = "Microsoft Forms"
    }

    public var survey: Survey
    public var scales: [Scale]
    /// Header text -> statement id, profile choice id, `date` or `ignore`; and statement or
    /// profile id (or text) -> `absent` (or `ignore`) for a question the export has no column for.
    public var mapping: [String: String]
    /// The order of day and month in slashed dates when the file cannot decide it (`--date-order`).
    public var dateOrder: DateOrder?

    public init(survey: Survey, scales: [Scale], mapping: [String: String] = [:], dateOrder: DateOrder? = nil) {
        self.survey = survey
        self.scales = scales
        self.mapping = mapping
        self.dateOrder = dateOrder
    }

    /// What a column holds.
    enum Target: Equatable {
        case statement(Statement)
        case profile(ProfileChoice)
        case date
        case dropped

        static func == (a: Target, b: Target) -> Bool {
            switch (a, b) {
            case (.statement(let x), .statement(let y)): return x.id == y.id
            case (.profile(let x), .profile(let y)): return x.id == y.id
            case (.date, .date), (.dropped, .dropped): return true
            default: return false
            }
        }
    }

    static let surveyMonkeyMetadata = ["respondent id", "collector id", "start date", "end date", "ip address",
                                       "email address", "first name", "last name"]
    static let formsMetadata = ["id", "start time", "completion time", "email", "name", "last modified time"]

    /// Reads a whole export. Large files go through `StaffCSVImport` a chunk at a time instead.
    public func responses(fromCSV text: String, file: String) throws(DiagnosticsError) -> [StaffResponse] {
        let codebook = StaffCodebook(survey: survey, scales: scales)
        var reading = StaffCSVImport(reader: self, codebook: codebook, file: file)
        try reading.feed(text)
        try reading.finish()
        if !reading.problems.isEmpty { throw DiagnosticsError(reading.problems) }
        return reading.takeRows().map { codebook.unpack($0.codes, submittedOn: $0.day?.day(in: reading.dateOrder)) }
    }

    /// The layout of an export and what each column holds, from its first one or two records.
    func columns(_ records: [CSVReader.Record], file: String) -> (layout: Layout, targets: [Target], problems: [Diagnostic]) {
        let first = records[0]
        let layout = Self.layout(records)
        var problems: [Diagnostic] = []
        var targets: [Target] = []
        var claimed: [String: String] = [:]                              // target id -> header that took it
        for (index, field) in first.fields.enumerated() {
            let heading = headingText(records, column: index, layout: layout)
            let target = self.target(for: heading, layout: layout)
            let here = SourceLocation(file: file, line: first.line, column: field.column)
            switch target {
            case nil:
                problems.append(Diagnostic(here, "column \(index + 1) ('\(heading)') matches no statement or profile question of survey '\(survey.id)'; add the line \"\(heading.replacingOccurrences(of: "\"", with: "\"\"")),STATEMENT_ID\" (or ,ignore) to a mapping file and pass --mapping FILE"))
                targets.append(.dropped)
            case .some(let target):
                if let id = Self.id(of: target) {
                    if let earlier = claimed[id] {
                        problems.append(Diagnostic(here, "column \(index + 1) ('\(heading)') and '\(earlier)' both map to \(id); map one of them to ignore"))
                    }
                    claimed[id] = heading
                }
                targets.append(target)
            }
        }
        problems += unaccounted(claimed: Set(claimed.keys), at: SourceLocation(file: file, line: first.line, column: 1))
        return (layout, targets, problems)
    }

    /// A problem for each statement and profile question that no column holds and the mapping
    /// does not declare `absent` (or `ignore`): left unreported, it would show "0 respondents".
    private func unaccounted(claimed: Set<String>, at header: SourceLocation) -> [Diagnostic] {
        let declared = Set(mapping.filter { $0.value == "absent" || $0.value == "ignore" }.keys.map(Self.normalise))
        func isDeclared(_ id: String, _ text: String) -> Bool { declared.contains(Self.normalise(id)) || declared.contains(Self.normalise(text)) }
        let questions = survey.profile.map { (id: $0.id, text: $0.label, kind: "profile question") }
            + survey.statements.map { (id: $0.id, text: $0.text, kind: "statement") }
        return questions.filter { !claimed.contains($0.id) && !isDeclared($0.id, $0.text) }.map { question in
            Diagnostic(header, "the \(question.kind) \(question.id) ('\(question.text)') has no column in this file; map its column's heading to \(question.id) in a mapping file, or, if the export really left it out, add the line \"\(question.id),absent\" to the mapping file and pass --mapping FILE")
        }
    }

    /// Reads a mapping file: `column,maps_to` with one line per export column (its header text),
    /// mapping to a statement id, a profile question id, or `ignore`.
    public static func mapping(fromCSV text: String, file: String, survey: Survey) throws(DiagnosticsError) -> [String: String] {
        let table = try CSVTable(text: text, file: file, required: ["column", "maps_to"])
        let known = Set(survey.statements.map(\.id) + survey.profile.map(\.id) + ["ignore", "date", "absent"])
        var mapping: [String: String] = [:]
        var problems: [Diagnostic] = []
        for row in table.rows {
            guard let column = table.value("column", in: row) else {
                problems.append(Diagnostic(table.location("column", in: row), "the column's header text is empty"))
                continue
            }
            let target = table.value("maps_to", in: row) ?? ""
            guard known.contains(target) else {
                problems.append(Diagnostic(table.location("maps_to", in: row),
                    "'\(target)' is not a statement or profile question of survey '\(survey.id)'; use a statement id (\(survey.statements.first?.id ?? "SC01")...), \(survey.profile.map(\.id).joined(separator: ", ")), date, ignore, or absent (for a question the export has no column for)"))
                continue
            }
            mapping[column] = target
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        return mapping
    }

    // MARK: Layouts and headings

    static func layout(_ records: [CSVReader.Record]) -> Layout {
        let first = records[0].fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        if first.first == "respondent id" || (first.contains("collector id") && first.contains("ip address")) { return .surveyMonkey }
        if records.count > 1, records[1].fields.contains(where: { $0.text.trimmingCharacters(in: .whitespaces) == "Response" }),
           first.contains("respondent id") { return .surveyMonkey }
        if first.contains("id") && first.contains("completion time") { return .microsoftForms }
        return .s11
    }

    /// A column's heading: SurveyMonkey's second header row names a matrix question's statements.
    func headingText(_ records: [CSVReader.Record], column: Int, layout: Layout) -> String {
        let top = records[0].fields[column].text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard layout == .surveyMonkey, records.count > 1, column < records[1].fields.count else { return top }
        let sub = records[1].fields[column].text.trimmingCharacters(in: .whitespacesAndNewlines)
        if sub.isEmpty || ["response", "open-ended response", "other (please specify)"].contains(sub.lowercased()) { return top }
        return sub
    }

    func target(for heading: String, layout: Layout) -> Target? {
        if let mapped = mapping[heading] {
            switch mapped {
            case "ignore": return .dropped
            case "date": return .date
            default: return target(id: mapped)
            }
        }
        let lowered = heading.lowercased()
        switch layout {
        case .surveyMonkey:
            if lowered == "end date" { return .date }
            if Self.surveyMonkeyMetadata.contains(lowered) || lowered.hasPrefix("custom data") { return .dropped }
        case .microsoftForms:
            if lowered == "completion time" { return .date }
            if Self.formsMetadata.contains(lowered) { return .dropped }
        case .s11:
            // `day` is what s11's own staff export calls it, so that an export reads back in.
            if lowered == "date" || lowered == "day" { return .date }
        }
        if let byID = target(id: heading) { return byID }
        let key = Self.normalise(heading)
        if let statement = survey.statements.first(where: { Self.normalise($0.text) == key }) { return .statement(statement) }
        if let choice = survey.profile.first(where: { Self.normalise($0.label) == key }) { return .profile(choice) }
        return nil
    }

    private func target(id: String) -> Target? {
        if let statement = survey.statements.first(where: { $0.id.lowercased() == id.lowercased() }) { return .statement(statement) }
        if let choice = survey.profile.first(where: { $0.id.lowercased() == id.lowercased() }) { return .profile(choice) }
        return nil
    }

    private static func id(of target: Target) -> String? {
        switch target {
        case .statement(let statement): return statement.id
        case .profile(let choice): return choice.id
        case .date: return "date"
        case .dropped: return nil
        }
    }

    /// Text compared without case, curly quotes, numbering ("3.", "Q3 -"), spacing or end punctuation.
    static func normalise(_ text: String) -> String {
        var text = text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
        if let range = text.range(of: #"^\s*(q\s*)?\d+\s*[.):-]?\s*-?\s*"#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.reversed().drop { ".?!:;".contains($0) }.reversed())
    }
}
