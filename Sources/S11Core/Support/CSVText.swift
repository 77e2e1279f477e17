import Foundation

/// What s11 reads a CSV file as: UTF-8. UTF-16 (Excel's "Unicode Text") and Windows-1252 (Excel's
/// plain "CSV (Comma delimited)") are refused in one line that says how to save the file as s11
/// reads it, never as lines of garbled text.
public enum CSVText {
    static let utf16 = "this file is UTF-16 text (Excel's \"Unicode Text\"), which s11 does not read; in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file"
    static let notUTF8 = "this file is not UTF-8 text (Excel's \"CSV (Comma delimited)\" writes Windows-1252); in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file"

    /// Whether bytes starting a file (or any chunk of it) show UTF-16: a byte-order mark, or NUL bytes.
    static func looksLikeUTF16(_ bytes: UnsafeRawBufferPointer, atStart: Bool) -> Bool {
        if atStart, bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return true }
        return bytes.count > 0 && memchr(bytes.baseAddress!, 0, bytes.count) != nil
    }

    /// The file's text, or one diagnostic saying how to save it as UTF-8.
    public static func utf8(_ data: Data, file: String) throws(DiagnosticsError) -> String {
        let utf16 = data.withUnsafeBytes { looksLikeUTF16($0, atStart: true) }
        if utf16 { throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), Self.utf16)]) }
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
