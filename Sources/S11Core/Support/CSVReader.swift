/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a leading byte-order mark),
/// keeping the line and column where every field starts so errors can point at it.
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
        var records: [Record] = []
        var fields: [Field] = []
        var field = ""
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1, recordLine = 1
        var inQuotes = false, quotedField = false, afterQuote = false
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        if text.unicodeScalars.first == "\u{FEFF}" { _ = chars.next() }

        func endField() {
            fields.append(Field(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            quotedField = false
            afterQuote = false
        }
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.unicodeScalars.append("\""); column += 2; continue }
                        pending = next
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\r", let next = chars.next() {
                        // CRLF is one line break, a lone CR is one too.
                        if next == "\n" { field.unicodeScalars.append(next) } else { pending = next }
                    }
                    if c == "\n" || c == "\r" { line += 1; column = 1 } else { column += 1 }
                }
                continue
            }
            switch c {
            case ",":
                endField()
                column += 1
                fieldLine = line; fieldColumn = column
            case "\r", "\n":
                if c == "\r", let next = chars.next(), next != "\n" { pending = next }
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1; column = 1
                fieldLine = line; fieldColumn = 1; recordLine = line
            case "\"" where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
                column += 1
            default:
                if afterQuote {
                    throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: line, column: column),
                        "text after a closing quote; put the whole field in quotes and double any quote inside it (\"\")")])
                }
                field.unicodeScalars.append(c)
                column += 1
            }
        }
        if inQuotes {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                "a quoted field is never closed; add the closing quote")])
        }
        if !field.isEmpty || !fields.isEmpty || quotedField {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records.filter { !$0.isBlank }
    }
}
