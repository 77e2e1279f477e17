import Foundation

/// Reads one staff survey export pushed in chunks of bytes (so a file of a million answer sets
/// never sits in memory whole) and hands over its answer sets packed by a codebook, a batch at a
/// time (`takeBlock`). The header decides the layout and what each column means (see `StaffSurveyCSVReader`);
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
    var parser: CSVParser
    private var header: [CSVParser.Record] = []
    private var columns: [Column]?
    private var layout: StaffSurveyCSVReader.Layout = .s11
    private var fieldCount = 0
    private var table = StaffOptionKeys()
    var block: StaffAnswerBlock
    /// One answer set's codes while its record is read (kept between records).
    private var scratch: [UInt8]
    var listed: [Diagnostic] = []
    var unlisted = 0
    /// Set when the file is not UTF-8: the one line said, and nothing more is read.
    private var refusal: Diagnostic?
    /// The file's first bytes until there are `CSVText.leadingBytes` of them; nil once checked.
    private var leadingBytes: [UInt8]? = []
    /// Where the first slashed date was, and where the first date that is no date day-first or month-first was.
    var firstSlashed: (location: SourceLocation, text: String)?
    var ruledOut: [DateOrder: (location: SourceLocation, text: String)] = [:]
    /// Answer sets read so far.
    public internal(set) var count = 0
    /// True once the header is read and the file not refused: the records after it can be read in parts (`part()`).
    public var readsAnswers: Bool { columns != nil && refusal == nil }
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
        self.block = StaffAnswerBlock(width: codebook.questions.count)
        self.scratch = Array(repeating: 0, count: codebook.questions.count)
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
    mutating func parse(_ chunk: UnsafeRawBufferPointer) throws(DiagnosticsError) {
        var offset = 0
        do {
            while try parser.nextRecord(in: chunk, from: &offset) { take(parser.record) }
        } catch {
            if refusal == nil { throw error }
        }
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
        if try parser.finishRecord() { take(parser.record) }
        if columns == nil {
            if header.isEmpty {
                note(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty; export the survey's responses as CSV"))
            } else {
                startColumns()
            }
        }
        decideDateOrder()
    }

    /// The answer sets read since the last call, packed back to back.
    public mutating func takeBlock() -> StaffAnswerBlock {
        defer { block = StaffAnswerBlock(width: block.width) }
        return block
    }

    /// The answer sets read since the last call, one by one.
    public mutating func takeRows() -> [Row] {
        let taken = takeBlock()
        return (0..<taken.count).map { Row(codes: Array(taken.codes(at: $0)), day: taken.day(at: $0)) }
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
        block = StaffAnswerBlock(width: block.width)
    }

    // MARK: Dates

    /// The field's day; nil, with the problem noted, when it is no date. A slashed date is noted
    /// as evidence of the file's order of day and month.
    private mutating func noteDate(_ bytes: UnsafeRawBufferPointer, in field: CSVParser.Field) -> ExportDay? {
        let read = UnsafeRawBufferPointer(rebasing: bytes.prefix(40))
        guard let day = ExportDay(bytes: read) else {
            let text = String(decoding: read, as: UTF8.self)
            note(Diagnostic(here(field), "'\(text)' is not a date; the export's date column holds dates such as 2026-11-20 or 20/11/2026 10:14:03"))
            return nil
        }
        if case .slashed = day {
            func evidence() -> (location: SourceLocation, text: String) { (here(field), String(decoding: read, as: UTF8.self)) }
            if firstSlashed == nil { firstSlashed = evidence() }
            for order in DateOrder.allCases where ruledOut[order] == nil && !day.fits(order) { ruledOut[order] = evidence() }
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

    mutating func take(_ record: CSVParser.Record) {
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
        table = StaffOptionKeys()
        for column in columns ?? [] {
            switch column {
            case .dropped: table.add(.dropped)
            case .date: table.add(.date)
            case .question(let position, let options, _): table.add(.question, position: position, options: options.map { ($0.code, $0.keys) })
            }
        }
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
        guard columns != nil, !record.isBlank, refusal == nil, checkFieldCount(record) else { return }
        var codes = scratch          // taken and given back: no allocation per record
        scratch = []
        defer { scratch = codes }
        var answered = false
        var day: UInt32 = 0
        let table = table
        codes.withUnsafeMutableBufferPointer { codes in
            codes.update(repeating: 0)
            record.bytes.withUnsafeBytes { raw in
                record.fields.withUnsafeBufferPointer { fields in
                    table.columns.withUnsafeBufferPointer { columns in
                        for index in 0..<fields.count {
                            let column = columns[index]
                            guard column.kind != .dropped else { continue }
                            let field = fields[index]
                            let bytes = Self.trimmed(UnsafeRawBufferPointer(rebasing: raw[field.start..<field.end]))
                            guard !bytes.isEmpty else { continue }
                            if column.kind == .date {
                                day = noteDate(bytes, in: field)?.packed ?? 0
                                continue
                            }
                            guard column.position >= 0 else { continue }
                            if let code = table.code(bytes, column: column) ?? matchAsText(bytes, column: index, field: field) {
                                codes[column.position] = code
                                answered = true
                            } else if refusal != nil {
                                return
                            }
                        }
                    }
                }
            }
        }
        if answered, refusal == nil {
            block.append(codes: codes, day: day)
            count += 1
        }
    }

    /// A field that is no option byte for byte, compared as text (non-ASCII letters, Unicode
    /// spaces); nil when it is none, with the problem noted (or the file refused when it is not UTF-8).
    private mutating func matchAsText(_ bytes: UnsafeRawBufferPointer, column: Int, field: CSVParser.Field) -> UInt8? {
        guard case .question(_, let options, let describe) = columns?[column] else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            refuse(at: here(field), CSVText.notUTF8)
            return nil
        }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { return nil }
        if let option = options.first(where: { $0.texts.contains(value.lowercased()) }) { return option.code }
        note(Diagnostic(here(field), describe(value)))
        return nil
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0, end = bytes.count
        while start < end, CSVParser.isSpace(bytes[start]) { start += 1 }
        while end > start, CSVParser.isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    private func here(_ field: CSVParser.Field) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    private mutating func note(_ problem: Diagnostic) {
        if listed.count < DiagnosticsError.limitPerFile { listed.append(problem) } else { unlisted += 1 }
    }
}
