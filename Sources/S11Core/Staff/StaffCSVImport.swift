import Foundation

/// Reads one staff survey export pushed in chunks of bytes (so a file of a million answer sets
/// never sits in memory whole) and hands over its answer sets packed by a codebook, a batch at a
/// time. The header decides the layout and what each column means (see `StaffSurveyCSVReader`);
/// every bad answer is a problem with its line and column, and the caller stores nothing when
/// `problems` is not empty at the end.
public struct StaffCSVImport: Sendable {
    /// One answer set packed by the codebook (`StaffCodebook`), and its day.
    public struct Row: Sendable, Hashable {
        public var codes: [UInt8]
        public var submittedOn: CalendarDate?

        public init(codes: [UInt8], submittedOn: CalendarDate?) {
            self.codes = codes
            self.submittedOn = submittedOn
        }
    }

    /// At most this many problems are listed; the rest are counted.
    public static let problemLimit = 50

    /// What a column holds, compiled for matching bytes.
    private enum Column: Sendable {
        case dropped
        case date
        case question(position: Int, options: [OptionMatch], describe: @Sendable (String) -> String)
    }

    /// One option: its code and its value and label lowercased, as UTF-8.
    private struct OptionMatch: Sendable {
        var code: UInt8
        var keys: [[UInt8]]
        var texts: [String]
    }

    public let reader: StaffSurveyCSVReader
    public let codebook: StaffCodebook
    public let file: String
    private var parser: CSVParser
    private var header: [CSVParser.Record] = []
    private var columns: [Column]?
    private var rows: [Row] = []
    private var listed: [Diagnostic] = []
    private var unlisted = 0
    /// Answer sets read so far.
    public private(set) var count = 0

    /// `codebook` must hold the survey's questions and values (`StaffCodebook(survey:scales:)` or
    /// a stored codebook merged with it).
    public init(reader: StaffSurveyCSVReader, codebook: StaffCodebook, file: String) {
        self.reader = reader
        self.codebook = codebook
        self.file = file
        self.parser = CSVParser(file: file)
    }

    /// Reads the next chunk of the file. Throws only when the CSV itself is broken (a stray
    /// quote); bad answers are collected in `problems`.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(DiagnosticsError) {
        try parser.feed(chunk)
        for record in parser.takeRecords() { take(record) }
    }

    /// Reads a whole text.
    public mutating func feed(_ text: String) throws(DiagnosticsError) {
        try parser.feed(text)
        for record in parser.takeRecords() { take(record) }
    }

    /// Ends the file.
    public mutating func finish() throws(DiagnosticsError) {
        try parser.finish()
        for record in parser.takeRecords() { take(record) }
        if columns == nil {
            if header.isEmpty {
                note(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty; export the survey's responses as CSV"))
            } else {
                startColumns()
            }
        }
    }

    /// The answer sets read since the last call.
    public mutating func takeRows() -> [Row] {
        defer { rows.removeAll(keepingCapacity: true) }
        return rows
    }

    /// Every problem found, the first `problemLimit` of them and a line saying how many more.
    public var problems: [Diagnostic] {
        unlisted == 0 ? listed
            : listed + [Diagnostic(SourceLocation(file: file, line: 0, column: 0), "and \(unlisted) more problems; nothing was imported")]
    }

    // MARK: Records

    private mutating func take(_ record: CSVParser.Record) {
        if record.isBlank && columns == nil { return }
        if columns != nil { return read(record) }
        header.append(record)
        if header.count == 2 { startColumns() }
    }

    /// Decides the layout and each column's meaning from the first two records, then reads the
    /// records after the header rows.
    private mutating func startColumns() {
        let texts = header.map { record in
            CSVReader.Record(line: record.line, fields: record.fields.map { field in
                CSVReader.Field(text: String(decoding: record.slice(field), as: UTF8.self), line: field.line, column: field.column)
            })
        }
        let resolved = reader.columns(texts, file: file)
        for problem in resolved.problems { note(problem) }
        columns = resolved.targets.map(compile)
        let headerRows = resolved.layout == .surveyMonkey ? 2 : 1
        for record in header.prefix(headerRows) {
            for field in record.fields where String(validating: record.slice(field), as: UTF8.self) == nil {
                note(Diagnostic(here(field), Self.notUTF8))
            }
        }
        for record in header.dropFirst(headerRows) where !record.isBlank { read(record) }
        header = []
    }

    private func compile(_ target: StaffSurveyCSVReader.Target) -> Column {
        func match(_ id: String, _ options: [(value: String, label: String)]) -> [OptionMatch] {
            options.compactMap { option in
                guard let code = codebook.code(of: option.value, question: id) else { return nil }
                let texts = [option.value.lowercased(), option.label.lowercased()]
                return OptionMatch(code: code, keys: texts.map { Array($0.utf8) }, texts: texts)
            }
        }
        switch target {
        case .dropped:
            return .dropped
        case .date:
            return .date
        case .statement(let statement):
            let options = reader.scales.first { $0.id == statement.scaleID }?.options ?? []
            let labels = options.map(\.label).joined(separator: ", ")
            return .question(position: codebook.position(of: statement.id) ?? -1,
                             options: match(statement.id, options.map { ($0.value, $0.label) }),
                             describe: { "'\($0)' is not an answer to \(statement.id); use one of: \(labels)" })
        case .profile(let choice):
            let labels = choice.options.map(\.label).joined(separator: ", ")
            return .question(position: codebook.position(of: choice.id) ?? -1, options: match(choice.id, choice.options),
                             describe: { "'\($0)' is not an answer to '\(choice.label)'; use one of: \(labels)" })
        }
    }

    private mutating func read(_ record: CSVParser.Record) {
        guard let columns, !record.isBlank else { return }
        var codes = [UInt8](repeating: 0, count: codebook.questions.count)
        var answered = false
        var day: CalendarDate?
        for (index, field) in record.fields.prefix(columns.count).enumerated() {
            switch columns[index] {
            case .dropped:
                continue
            case .date:
                let bytes = Self.trimmed(record.slice(field))
                if !bytes.isEmpty { day = StaffSurveyCSVReader.day(String(decoding: bytes.prefix(32), as: UTF8.self)) }
            case .question(let position, let options, let describe):
                let bytes = Self.trimmed(record.slice(field))
                guard !bytes.isEmpty, position >= 0 else { continue }
                if let code = Self.code(bytes, options) {
                    codes[position] = code
                    answered = true
                    continue
                }
                // Not a plain match: compare as text (non-ASCII letters, Unicode spaces), or report.
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    note(Diagnostic(here(field), Self.notUTF8))
                    continue
                }
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if value.isEmpty { continue }
                if let option = options.first(where: { $0.texts.contains(value.lowercased()) }) {
                    codes[position] = option.code
                    answered = true
                } else {
                    note(Diagnostic(here(field), describe(value)))
                }
            }
        }
        if answered {
            rows.append(Row(codes: codes, submittedOn: day))
            count += 1
        }
    }

    private static func code(_ bytes: ArraySlice<UInt8>, _ options: [OptionMatch]) -> UInt8? {
        for option in options {
            for key in option.keys where key.count == bytes.count {
                var same = true
                var index = bytes.startIndex
                for expected in key {
                    var byte = bytes[index]
                    if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    if byte != expected { same = false; break }
                    index += 1
                }
                if same { return option.code }
            }
        }
        return nil
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let first = bytes.first, CSVParser.isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, CSVParser.isSpace(last) { bytes = bytes.dropLast() }
        return bytes
    }

    private static let notUTF8 = "this is not UTF-8 text; save the export as \"CSV UTF-8\" and import it again"

    private func here(_ field: CSVParser.Field) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    private mutating func note(_ problem: Diagnostic) {
        if listed.count < Self.problemLimit { listed.append(problem) } else { unlisted += 1 }
    }
}
