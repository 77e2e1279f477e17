import Foundation

/// A document's name as shown and offered on download: the browser's file name without any
/// folder, control or direction-changing characters, at most 100 characters (its extension kept).
public enum DocumentName {
    public static let longest = 100

    /// The name cleaned for display; "document" when nothing is left.
    public static func clean(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        // Controls and line breaks become spaces; invisible formatting (such as a right-to-left override) goes.
        let kept = last.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            case .format: nil
            default: scalar
            }
        }
        var cleaned = String(String.UnicodeScalarView(kept)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return "document" }
        guard cleaned.count > longest else { return cleaned }
        let dot = cleaned.lastIndex(of: ".").map { String(cleaned[$0...]) }.flatMap { $0.count <= 10 ? $0 : nil } ?? ""
        return String(cleaned.prefix(longest - dot.count)) + dot
    }
}
