import CLibXML2
import Foundation
import S11Core

/// A parsed XML file, read safely: no network, no external entities, no DOCTYPE at all (so no
/// entity expansion), a size cap, and every error pointed at its file, line and column.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The file name used in messages.
    public let file: String
    private let source: Data
    /// Where each line starts in `source`, found the first time a location needs one.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        source.withUnsafeBytes { bytes in
            for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
        }
        return starts
    }()

    /// Files larger than this are refused before parsing.
    public static let maximumBytes = 64 * 1024 * 1024

    public convenience init(contentsOf url: URL, displayName: String? = nil) throws(DiagnosticsError) {
        let name = displayName ?? url.path
        try self.init(data: try InputFile.data(url.path, maximumBytes: Self.maximumBytes, shownAs: name), file: name)
    }

    public init(data: Data, file: String) throws(DiagnosticsError) {
        LibXML.initialise()
        self.file = file
        guard data.count <= XMLDocument.maximumBytes else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                "the file is \(data.count) bytes; s11 reads XML files of at most \(XMLDocument.maximumBytes) bytes")])
        }
        guard !data.isEmpty else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty")])
        }
        // s11's own rule, before libxml2 sees the file: no DOCTYPE, so no entity can be declared,
        // expanded or fetched (a billion laughs is refused at its DOCTYPE's line, not by a parser limit).
        if let doctype = Self.doctype(in: data) {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: doctype.line, column: doctype.column), Self.noDoctype)])
        }
        let collector = ErrorCollector(file: file)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = collector.collecting {
            data.withUnsafeBytes { raw in
                xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count),
                              file, nil, options)
            }
        }
        self.source = data
        guard let doc, collector.diagnostics.isEmpty else {
            if let doc { xmlFreeDoc(doc) }
            throw DiagnosticsError(collector.diagnostics.isEmpty
                ? [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "not well-formed XML")]
                : collector.diagnostics)
        }
        self.pointer = doc
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), Self.noDoctype)])
        }
    }

    private static let noDoctype = "a DOCTYPE is not allowed: s11 never declares, expands or fetches entities or external files; remove the <!DOCTYPE ...> declaration"

    /// Where a `<!DOCTYPE` stands in the prolog (after the XML declaration, processing
    /// instructions, comments and white space, before the root element), if anywhere.
    static func doctype(in data: Data) -> (line: Int, column: Int)? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int)? in
            var index = 0, line = 1, column = 1
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            func starts(_ text: StaticString) -> Bool {
                let count = text.utf8CodeUnitCount
                guard index + count <= bytes.count else { return false }
                return (0..<count).allSatisfy { bytes[index + $0] == text.utf8Start[$0] }
            }
            func skip(past end: StaticString) {
                while index < bytes.count, !starts(end) { advance() }
                for _ in 0..<end.utf8CodeUnitCount where index < bytes.count { advance() }
            }
            func advance() {
                if bytes[index] == 0x0A { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D, 0x0A:
                    advance()
                case 0x3C where starts("<?"):
                    skip(past: "?>")
                case 0x3C where starts("<!--"):
                    skip(past: "-->")
                case 0x3C where starts("<!DOCTYPE") || starts("<!doctype"):
                    return (line, column)
                default:
                    return nil
                }
            }
            return nil
        }
    }

    deinit { xmlFreeDoc(pointer) }

    /// The root element.
    public var root: XMLElement? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return XMLElement(node: node, document: self)
    }

    /// Where an element starts: its line from libxml2, its column found in the source line.
    func location(of node: xmlNodePtr) -> SourceLocation {
        let line = Int(xmlGetLineNo(node))
        guard line > 0 else { return SourceLocation(file: file, line: 0, column: 0) }
        var name = node.pointee.name.map { String(cString: $0) } ?? ""
        if let ns = node.pointee.ns, let prefix = ns.pointee.prefix { name = String(cString: prefix) + ":" + name }
        return SourceLocation(file: file, line: line, column: column(of: "<" + name, onLine: line))
    }

    func column(of needle: String, onLine line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let end = line < lineStarts.count ? lineStarts[line] : source.count
        let text = String(decoding: source[(source.startIndex + lineStarts[line - 1])..<(source.startIndex + end)], as: UTF8.self)
        guard let range = text.range(of: needle) else { return 1 }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1
    }
}
