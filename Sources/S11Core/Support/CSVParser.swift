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

    /// One record's field bytes, back to back, and where each field starts.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var bytes: [UInt8]
        public var fields: [Field]

        /// The field's bytes.
        public func slice(_ field: Field) -> ArraySlice<UInt8> { bytes[field.start..<field.end] }

        /// True when every field is empty or ASCII white space.
        public var isBlank: Bool { bytes.allSatisfy(CSVParser.isSpace) }
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

    public init(file: String) { self.file = file }

    /// Parses `chunk`; finished records wait in `takeRecords()`. Throws on text after a closing quote.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(DiagnosticsError) {
        var index = 0
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
                if index == chunk.count { return }
            }
            try consume(chunk[index])
            index += 1
        }
    }

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
        if quoteSeen { quoteSeen = false; inQuotes = false; afterQuote = true }
        crSeen = false
        if inQuotes {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                                               "a quoted field is never closed; add the closing quote")])
        }
        if bytes.count > fieldStart || !fields.isEmpty || quotedField {
            endField()
            endRecord()
        }
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
        records.append(Record(line: recordLine, bytes: bytes, fields: fields))
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        fieldStart = 0
    }
}
