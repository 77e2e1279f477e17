/// An incremental RFC 4180 CSV parser over UTF-8 bytes: feed it a file in chunks of any size and
/// take the finished records as they come, so a file of any length is read in bounded memory.
/// Quoted fields, doubled quotes, CRLF, LF or lone CR line ends and a leading byte-order mark are
/// understood; every field keeps the line and column (in characters) where it starts.
public struct CSVParser: Sendable {
    /// One field: its bytes are `bytes[start..<end]` of its record.
    public struct Field: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var line: Int
        public var column: Int
    }

    /// One record's bytes (its fields', and for a plain line the commas between them too), and
    /// where each field is in them.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var bytes: [UInt8]
        public var fields: [Field]

        /// The field's bytes.
        public func slice(_ field: Field) -> ArraySlice<UInt8> { bytes[field.start..<field.end] }

        /// True when every field is empty or ASCII white space.
        public var isBlank: Bool { fields.allSatisfy { slice($0).allSatisfy(CSVParser.isSpace) } }
    }

    /// Space, tab, line feed or carriage return.
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    public let file: String
    private var records: [Record] = []
    private var bytes: [UInt8] = []
    private var fields: [Field] = []
    private var line = 1, column = 1
    private var fieldLine = 1, fieldColumn = 1, recordLine = 1
    private var inQuotes = false, quotedField = false, afterQuote = false
    private var quoteSeen = false          // a quote inside quotes: the next byte says whether it was doubled
    private var crSeen = false             // a CR: a following LF belongs to the same line break
    private var atStart = true             // a byte-order mark may come first
    private var bomBytes = 0
    private var recordReady = false        // `bytes` and `fields` hold a finished record, not yet emptied
    private var readyLine = 1

    public init(file: String) { self.file = file }

    /// A parser for a later part of `file` that starts where a record starts (after a line feed
    /// outside quotes): no byte-order mark is looked for, and lines are counted from `line`.
    public init(file: String, resumingAtLine line: Int) {
        self.file = file
        self.atStart = false
        self.line = line
        self.fieldLine = line
        self.recordLine = line
        self.readyLine = line
    }

    /// True when the bytes fed so far end where a record ends: nothing of a next record read, no
    /// quote open. A part cut from a file must end so, or the cut was not between records.
    public var isBetweenRecords: Bool {
        let pending = !recordReady && (!bytes.isEmpty || !fields.isEmpty)
        return !pending && !inQuotes && !quoteSeen && !crSeen && !afterQuote && !quotedField && !atStart
    }

    /// Parses `chunk`; finished records wait in `takeRecords()`. Throws on text after a closing quote.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(DiagnosticsError) {
        var offset = 0
        while try nextRecord(in: chunk, from: &offset) { records.append(record) }
    }

    /// Parses `chunk` from `offset` until a record is finished (true: `record` holds it, until
    /// the next call) or the chunk is used up (false). Nothing is copied for the caller, so a
    /// long file is read at the speed of its bytes. Throws on text after a closing quote.
    public mutating func nextRecord(in chunk: UnsafeRawBufferPointer, from offset: inout Int) throws(DiagnosticsError) -> Bool {
        startRecordIfTaken()
        var index = offset
        defer { offset = index }
        if takePlainLine(chunk, at: &index) { return true }
        while index < chunk.count {
            // Most bytes are plain text: copy a run of them in one go, and only the bytes that can
            // change the state (comma, quote, line ends) go through `consume`.
            if !quoteSeen && !crSeen && !atStart && !afterQuote {
                let start = index
                var characters = 0
                while index < chunk.count {
                    let byte = chunk[index]
                    if byte == 0x22 || byte == 0x0D || byte == 0x0A || (byte == 0x2C && !inQuotes) { break }
                    if byte & 0xC0 != 0x80 { characters += 1 }
                    index += 1
                }
                if index > start {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
                    column += characters
                }
                if index == chunk.count { return false }
            }
            try consume(chunk[index])
            index += 1
            if recordReady { return true }
        }
        return false
    }

    /// Reads a whole line in one go when it starts a record, ends in this chunk and has no quote
    /// (as nearly every line of an export does): its bytes copied at once, each field found by
    /// its commas. False, with nothing taken, for any other line.
    private mutating func takePlainLine(_ chunk: UnsafeRawBufferPointer, at index: inout Int) -> Bool {
        guard !quoteSeen, !atStart, !afterQuote, !inQuotes, !quotedField, bytes.isEmpty, fields.isEmpty, index < chunk.count else { return false }
        if crSeen {
            // The line feed of a CR LF ends no second line.
            crSeen = false
            if chunk[index] == 0x0A { index += 1 }
            guard index < chunk.count else { return false }
        }
        let start = index
        var position = start, fieldStartAt = start, fieldColumn = column, characters = 0
        while true {
            guard position < chunk.count else {
                fields.removeAll(keepingCapacity: true)
                return false
            }
            let byte = chunk[position]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D {
                fields.append(Field(start: fieldStartAt - start, end: position - start, line: line, column: fieldColumn))
                if byte != 0x2C { break }
                characters += 1
                fieldStartAt = position + 1
                fieldColumn = column + characters
            } else if byte == 0x22 {
                fields.removeAll(keepingCapacity: true)
                return false
            } else if byte & 0xC0 != 0x80 {
                characters += 1
            }
            position += 1
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<position]))
        var end = position
        if chunk[position] == 0x0D {
            // CR LF is one line break; a CR at the chunk's end waits to see what follows.
            if position + 1 < chunk.count {
                if chunk[position + 1] == 0x0A { end += 1 }
            } else {
                crSeen = true
            }
        }
        recordReady = true
        readyLine = line
        line += 1; column = 1
        self.fieldLine = line; self.fieldColumn = 1; recordLine = line
        index = end + 1
        return true
    }

    /// The record `nextRecord` or `finishRecord` just finished, sharing the parser's storage.
    public var record: Record { Record(line: readyLine, bytes: bytes, fields: fields) }

    /// Parses a string's UTF-8.
    public mutating func feed(_ text: String) throws(DiagnosticsError) {
        var text = text
        var failure: DiagnosticsError?
        text.withUTF8 { buffer in
            do throws(DiagnosticsError) { try feed(UnsafeRawBufferPointer(buffer)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the input: the last record (without a final line break) is finished. Throws when a
    /// quoted field is never closed.
    public mutating func finish() throws(DiagnosticsError) {
        if try finishRecord() { records.append(record) }
    }

    /// Ends the input; true when that finished a last record (without a final line break), which
    /// `record` then holds. Throws when a quoted field is never closed.
    public mutating func finishRecord() throws(DiagnosticsError) -> Bool {
        startRecordIfTaken()
        if quoteSeen { quoteSeen = false; inQuotes = false; afterQuote = true }
        crSeen = false
        if inQuotes {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                                               "a quoted field is never closed; add the closing quote")])
        }
        guard bytes.count > fieldStart || !fields.isEmpty || quotedField else { return false }
        endField()
        endRecord()
        return true
    }

    /// The records finished so far, handed over once.
    public mutating func takeRecords() -> [Record] {
        defer { records = [] }
        return records
    }

    private var fieldStart = 0
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func consume(_ byte: UInt8) throws(DiagnosticsError) {
        if atStart {
            // Skip EF BB BF at the very start.
            if bomBytes < 3, byte == Self.byteOrderMark[bomBytes] { bomBytes += 1; if bomBytes == 3 { atStart = false }; return }
            atStart = false
            if bomBytes > 0 {
                let partial = Self.byteOrderMark.prefix(bomBytes)
                bomBytes = 0
                for earlier in partial { try consume(earlier) }
            }
        }
        if crSeen {
            crSeen = false
            if byte == 0x0A {
                if inQuotes { bytes.append(byte) }
                return
            }
        }
        if quoteSeen {
            quoteSeen = false
            if byte == 0x22 { bytes.append(0x22); column += 2; return }
            inQuotes = false
            afterQuote = true
            column += 1
        }
        if inQuotes {
            switch byte {
            case 0x22:
                quoteSeen = true
            case 0x0D:
                bytes.append(byte); crSeen = true; line += 1; column = 1
            case 0x0A:
                bytes.append(byte); line += 1; column = 1
            default:
                bytes.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            return
        }
        switch byte {
        case 0x2C:
            endField()
            column += 1
            fieldLine = line; fieldColumn = column
        case 0x0D, 0x0A:
            crSeen = byte == 0x0D
            endField()
            endRecord()
            line += 1; column = 1
            fieldLine = line; fieldColumn = 1; recordLine = line
        case 0x22 where bytes.count == fieldStart && !quotedField:
            inQuotes = true
            quotedField = true
            column += 1
        default:
            if afterQuote {
                throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: line, column: column),
                    "text after a closing quote; put the whole field in quotes and double any quote inside it (\"\")")])
            }
            bytes.append(byte)
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    private mutating func endField() {
        fields.append(Field(start: fieldStart, end: bytes.count, line: fieldLine, column: fieldColumn))
        fieldStart = bytes.count
        quotedField = false
        afterQuote = false
    }

    private mutating func endRecord() {
        recordReady = true
        readyLine = recordLine
    }

    /// Empties the finished record's storage (kept for the next one) once it has been read.
    private mutating func startRecordIfTaken() {
        guard recordReady else { return }
        recordReady = false
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        fieldStart = 0
    }
}
