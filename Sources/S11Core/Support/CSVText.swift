import Foundation

/// What s11 reads a CSV file as: UTF-8. UTF-16 (Excel's "Unicode Text") and Windows-1252 (Excel's
/// plain "CSV (Comma delimited)") are refused in one line that says how to save the file as s11
/// reads it, never as lines of garbled text.
public enum CSVText {
    static let utf16 = "this file is UTF-16 text (Excel's \"Unicode Text\"), which s11 does not read; in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file"
    static let notUTF8 = "this file is not UTF-8 text (Excel's \"CSV (Comma delimited)\" writes Windows-1252); in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file"

    /// How many bytes at the start of a file tell whether it is UTF-16.
    static let leadingBytes = 4

    /// Whether a file starting with `bytes` (its first `leadingBytes`, or all of a shorter file)
    /// is UTF-16: a byte-order mark, or a NUL byte, which UTF-16 writes beside every ASCII letter.
    static func looksLikeUTF16<Bytes: Collection>(start bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        let start = Array(bytes.prefix(leadingBytes))
        return start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) || start.contains(0)
    }

    /// The file's text, or one diagnostic saying how to save it as UTF-8.
    public static func utf8(_ data: Data, file: String) throws(DiagnosticsError) -> String {
        if looksLikeUTF16(start: data) { throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), Self.utf16)]) }
        guard let text = String(validating: data, as: UTF8.self) else {
            // Point at the first byte that is not UTF-8.
            var line = 1, column = 1
            var bytes = data.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&bytes) {
                case .scalarValue(let scalar):
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                case .emptyInput, .error:
                    break decoding
                }
            }
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: line, column: column), Self.notUTF8)])
        }
        return text
    }
}
