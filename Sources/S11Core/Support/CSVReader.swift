/// Reads a whole CSV text into records of strings (through `CSVParser`), keeping the line and
/// column where every field starts so errors can point at it. Blank records are dropped.
public struct CSVReader: Sendable {
    /// One field and where it starts.
    public struct Field: Sendable, Hashable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// One record; `line` is where it starts (a quoted field may span lines).
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [Field]

        public var isBlank: Bool { fields.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }
    }

    public var file: String

    public init(file: String) { self.file = file }

    public func records(in text: String) throws(DiagnosticsError) -> [Record] {
        var parser = CSVParser(file: file)
        try parser.feed(text)
        try parser.finish()
        return parser.takeRecords().map { raw in
            Record(line: raw.line, fields: raw.fields.map { field in
                // The text came from a String, so its bytes are valid UTF-8.
                Field(text: String(decoding: raw.slice(field), as: UTF8.self), line: field.line, column: field.column)
            })
        }.filter { !$0.isBlank }
    }
}
