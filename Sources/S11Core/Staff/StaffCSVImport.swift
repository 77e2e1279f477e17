import Foundation

/// Reads one staff survey export pushed in chunks of bytes (so a file of a million answer sets
/// never sits in memory whole) and hands over its answer sets packed by a codebook, a batch at a
/// time. The header decides the layout and what each column means (see `StaffSurveyCSVReader`);
/// every bad answer is a problem with its line and column, and the caller stores nothing when
/// `problems` is not empty at the end.
public struct StaffCSVImport: Sendable {
    /// One answer set packed by the codebook (`StaffCodebook`), and its day as the export wrote it.
    public struct Row: Sendable, Hashable {
        public var codes: [UInt8]
        public var day: ExportDay?

        public init(codes: [UInt8], day: ExportDay?) {
            self.codes = codes
            self.day = day
        }

        public init(codes: [UInt8], submittedOn: CalendarDate?) {
            self.init(codes: codes, day: submittedOn.map(ExportDay.known))
        }
    }

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
    private var layout: StaffSurveyCSVReader.Layout = .s11
    private var fieldCount = 0
    private var rows: [Row] = []
    private var listed: [Diagnostic] = []
    private var unlisted = 0
    /// Set when the file is not UTF-8: the one line said, and nothing more is read.
    private var refusal: Diagnostic?
    /// The file's first bytes until there are `CSVText.leadingBytes` of them; nil once checked.
    private var leadingBytes: [UInt8]? = []
    /// Where the first slashed date was, and where the first date that is no date day-first or month-first was.
    private var firstSlashed: (location: SourceLocation, text: String)?
    private var ruledOut: [DateOrder: (location: SourceLocation, text: String)] = [:]
    /// Answer sets read so far.
    public private(set) var count = 0
    /// The order of day and month in the file's slashed dates, once `finish` has decided it (nil
    /// when the file has none).
    public private(set) var dateOrder: DateOrder?

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
        guard refusal == nil else { return }
        var chunk = chunk
        if let leading = leadingBytes {
            // The first bytes wait until there are enough of them to tell UTF-16 from UTF-8.
            let taken = min(chunk.count, CSVText.leadingBytes - leading.count)
            leadingBytes = leading + chunk.prefix(taken)
            chunk = UnsafeRawBufferPointer(rebasing: chunk[taken...])
            guard leadingBytes!.count == CSVText.leadingBytes else { return }
            try startReading()
        }
        guard refusal == nil else { return }
        try parse(chunk)
    }

    /// Checks the file's first bytes, then parses them.
    private mutating func startReading() throws(DiagnosticsError) {
        guard let leading = leadingBytes else { return }
        leadingBytes = nil
        if CSVText.looksLikeUTF16(start: leading) {
            return refuse(at: SourceLocation(file: file, line: 1, column: 1), CSVText.utf16)
        }
        var failure: DiagnosticsError?
        leading.withUnsafeBytes { bytes in
            do throws(DiagnosticsError) { try parse(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Parses a chunk and reads its records. The records before a broken one are read first, so
    /// that what is reported does not depend on where the chunks happen to end: the file's first
    /// refusal, in the order of its lines.
    private mutating func parse(_ chunk: UnsafeRawBufferPointer) throws(DiagnosticsError) {
        do {
            try parser.feed(chunk)
        } catch {
            for record in parser.takeRecords() { take(record) }
            if refusal == nil { throw error }
            return
        }
        for record in parser.takeRecords() { take(record) }
    }

    /// Reads a whole text.
    public mutating func feed(_ text: String) throws(DiagnosticsError) {
        var text = text
        var failure: DiagnosticsError?
        text.withUTF8 { buffer in
            do throws(DiagnosticsError) { try feed(UnsafeRawBufferPointer(buffer)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the file: the last record (complete, or refused), the header when the file had no
    /// answers, and the order of the file's dates.
    public mutating func finish() throws(DiagnosticsError) {
        try startReading()
        guard refusal == nil else { return }
        try parser.finish()
        for record in parser.takeRecords() { take(record) }
        if columns == nil {
            if header.isEmpty {
                note(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty; export the survey's responses as CSV"))
            } else {
                startColumns()
            }
        }
        decideDateOrder()
    }

    /// The answer sets read since the last call.
    public mutating func takeRows() -> [Row] {
        defer { rows.removeAll(keepingCapacity: true) }
        return rows
    }

    /// Every problem found, the first `DiagnosticsError.limitPerFile` of them and a line saying how many more; or
    /// the one line saying the file is not UTF-8.
    public var problems: [Diagnostic] {
        if let refusal { return [refusal] }
        return unlisted == 0 ? listed
            : listed + [DiagnosticsError.more(unlisted, in: file)]
    }

    // MARK: Encoding

    private mutating func refuse(at location: SourceLocation, _ message: String) {
        guard refusal == nil else { return }
        refusal = Diagnostic(location, message)
        rows = []
    }

    // MARK: Dates

    private mutating func noteDate(_ bytes: ArraySlice<UInt8>, at location: SourceLocation) -> ExportDay? {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        guard let day = ExportDay(text) else {
            note(Diagnostic(location, "'\(text)' is not a date; the export's date column holds dates such as 2026-11-20 or 20/11/2026 10:14:03"))
            return nil
        }
        if case .slashed = day {
            if firstSlashed == nil { firstSlashed = (location, text) }
            for order in DateOrder.allCases where ruledOut[order] == nil && !day.fits(order) { ruledOut[order] = (location, text) }
        }
        return day
    }

    /// The file's one order of day and month, from all its dates: a date that is no date one way
    /// decides it; else `--date-order`, else the export's own convention (SurveyMonkey writes
    /// month first); else the import is refused.
    private mutating func decideDateOrder() {
        guard let firstSlashed else { return }
        let possible = DateOrder.allCases.filter { ruledOut[$0] == nil }
        if let given = reader.dateOrder {
            if let wrong = ruledOut[given] {
                note(Diagnostic(wrong.location, "'\(wrong.text)' is not a date in the order --date-order \(given.rawValue) gives; check the option, or the date"))
            }
            dateOrder = given
            return
        }
        switch possible.count {
        case 1:
            dateOrder = possible[0]
        case 0:
            let dmy = ruledOut[.dmy]!, mdy = ruledOut[.mdy]!
            note(Diagnostic(dmy.location, "the dates in this file are in no one order: '\(dmy.text)' is month first, but '\(mdy.text)' at \(mdy.location) is day first; export the file again, or correct the dates"))
        default:
            if layout == .surveyMonkey {
                dateOrder = .mdy
            } else {
                note(Diagnostic(firstSlashed.location, "every date in this file (the first is '\(firstSlashed.text)') could be day first or month first, and nothing in the file says which; add --date-order dmy (20/11/2026 is 20 November, as UK exports write it) or --date-order mdy (11/20/2026)"))
            }
        }
    }

    // MARK: Records

    private mutating func take(_ record: CSVParser.Record) {
        guard refusal == nil else { return }
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
        for record in header {
            for field in record.fields where String(validating: record.slice(field), as: UTF8.self) == nil {
                return refuse(at: here(field), CSVText.notUTF8)
            }
        }
        let resolved = reader.columns(texts, file: file)
        for problem in resolved.problems { note(problem) }
        columns = resolved.targets.map(compile)
        layout = resolved.layout
        fieldCount = header[0].fields.count
        let headerRows = resolved.layout == .surveyMonkey ? 2 : 1
        if headerRows == 2, header.count > 1 { checkFieldCount(header[1]) }
        for record in header.dropFirst(headerRows) where !record.isBlank { read(record) }
        header = []
    }

    /// A record is whole or refused: never shifted, never padded.
    @discardableResult
    private mutating func checkFieldCount(_ record: CSVParser.Record) -> Bool {
        guard record.fields.count != fieldCount else { return true }
        note(CSVTable.fieldCountProblem(file: file, line: record.line, columns: record.fields.map(\.column), expected: fieldCount))
        return false
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
        guard let columns, !record.isBlank, refusal == nil, checkFieldCount(record) else { return }
        var codes = [UInt8](repeating: 0, count: codebook.questions.count)
        var answered = false
        var day: ExportDay?
        for (index, field) in record.fields.enumerated() {
            switch columns[index] {
            case .dropped:
                continue
            case .date:
                let bytes = Self.trimmed(record.slice(field))
                if !bytes.isEmpty { day = noteDate(bytes, at: here(field)) }
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
                    return refuse(at: here(field), CSVText.notUTF8)
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
            rows.append(Row(codes: codes, day: day))
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

    private func here(_ field: CSVParser.Field) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    private mutating func note(_ problem: Diagnostic) {
        if listed.count < DiagnosticsError.limitPerFile { listed.append(problem) } else { unlisted += 1 }
    }
}
