import CLibXML2
import Foundation
import S11Core

/// A parsed XML file, read safely: no network, no external entities, no DOCTYPE at all (so no
/// entity expansion), a size cap, and every error pointed at its file, line and column.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The file name used in messages.
    public let file: String
    let sourceLines: [Substring]

    /// Files larger than this are refused before parsing.
    public static let maximumBytes = 64 * 1024 * 1024

    public convenience init(contentsOf url: URL, displayName: String? = nil) throws(DiagnosticsError) {
        let name = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: name, line: 0, column: 0),
                                               "cannot read the file: \(error.localizedDescription)")])
        }
        try self.init(data: data, file: name)
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
        let collector = ErrorCollector(file: file)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = collector.collecting {
            data.withUnsafeBytes { raw in
                xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count),
                              file, nil, options)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        self.sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let doc, collector.diagnostics.isEmpty else {
            if let doc { xmlFreeDoc(doc) }
            throw DiagnosticsError(collector.diagnostics.isEmpty
                ? [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "not well-formed XML")]
                : collector.diagnostics)
        }
        self.pointer = doc
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            let line = sourceLines.firstIndex { $0.contains("<!DOCTYPE") }.map { $0 + 1 } ?? 1
            let column = line <= sourceLines.count ? column(of: "<!DOCTYPE", onLine: line) : 1
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: line, column: column),
                "DOCTYPE declarations are not allowed (s11 never expands entities or loads external files); remove it")])
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
        guard line >= 1, line <= sourceLines.count, let range = sourceLines[line - 1].range(of: needle) else { return 1 }
        return sourceLines[line - 1].unicodeScalars.distance(from: sourceLines[line - 1].unicodeScalars.startIndex,
                                                              to: range.lowerBound) + 1
    }
}
