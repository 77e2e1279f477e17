import Foundation

/// What an evidence document is, decided from its own bytes (never the name or the browser's
/// word): the kinds a board reads as evidence. Anything else is refused.
public enum DocumentType: String, Sendable, CaseIterable {
    case pdf
    case word
    case excel
    case powerPoint = "powerpoint"
    case openDocument = "opendocument"
    /// Word, Excel or PowerPoint 97–2003, or an Outlook message (.msg): one container format.
    case office97 = "office-97"
    /// Plain text, CSV among it.
    case text
    case png
    case jpeg
    /// An e-mail as saved (.eml).
    case email

    /// The kinds accepted, in words, for a refusal to name.
    public static let acceptedWords = "PDF, Word, Excel, PowerPoint, OpenDocument, plain text, CSV, PNG, JPEG or a saved e-mail (.eml, .msg)"

    /// How many of a file's first bytes `detect` reads.
    public static let headLength = 8192

    /// The kind, in words.
    public var words: String {
        switch self {
        case .pdf: "PDF"
        case .word: "Word document"
        case .excel: "Excel workbook"
        case .powerPoint: "PowerPoint presentation"
        case .openDocument: "OpenDocument file"
        case .office97: "Office 97–2003 file or Outlook message"
        case .text: "text"
        case .png: "PNG image"
        case .jpeg: "JPEG image"
        case .email: "e-mail"
        }
    }

    /// The media type a download names (always as an attachment).
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .word: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .excel: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .powerPoint: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .openDocument, .office97: "application/octet-stream"
        case .text: "text/plain; charset=utf-8"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .email: "message/rfc822"
        }
    }

    /// Whether the file is a ZIP archive, whose entries `detect` needs to tell Word from Excel.
    public static func isZip(_ head: [UInt8]) -> Bool { head.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The kind the file's first bytes (`headLength` of them, or all of a shorter file) show, with
    /// the names of its entries when it is a ZIP archive; nil for anything not accepted. A file
    /// taken for text must also pass `isText` in every later part.
    public static func detect(head: [UInt8], zipEntries: [String] = []) -> DocumentType? {
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .office97 }
        if isZip(head) {
            let entries = Set(zipEntries)
            if entries.contains("word/document.xml") { return .word }
            if entries.contains("xl/workbook.xml") { return .excel }
            if entries.contains("ppt/presentation.xml") { return .powerPoint }
            if zipEntries.first == "mimetype", String(decoding: head.prefix(200), as: UTF8.self).contains("application/vnd.oasis.opendocument") {
                return .openDocument
            }
            return nil
        }
        guard !head.isEmpty, isText(head), isUTF8(head) else { return nil }
        return looksLikeEmail(head) ? .email : .text
    }

    /// Whether bytes could be part of a text file: no NUL, and no control character but tab,
    /// line feed, form feed, carriage return and escape.
    public static func isText(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D || $0 == 0x1B }
    }

    /// Whether the bytes are UTF-8, allowing a character cut off at the end.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        // Cut off: the last one to three bytes begin a character (a lead byte) that did not end.
        for cut in 0...min(3, bytes.count - 1) where cut == 0 || bytes[bytes.count - cut] >= 0xC0 {
            if String(validating: bytes.dropLast(cut), as: UTF8.self) != nil { return true }
        }
        return false
    }

    /// A saved e-mail starts with header lines: "From:" and at least one other message header.
    static func looksLikeEmail(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        let headers = text.components(separatedBy: "\n").prefix { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let names = Set(headers.compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") else { return nil }
            return line[..<colon].lowercased()
        })
        return names.contains("from") && !names.isDisjoint(with: ["date", "subject", "to", "received", "message-id", "mime-version", "return-path"])
    }
}
