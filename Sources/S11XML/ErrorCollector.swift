import Foundation
import CLibXML2
import S11Core

/// Gathers libxml2's structured errors while a parse or validation runs on this thread.
final class ErrorCollector {
    let file: String
    private var listed: [Diagnostic] = []
    private var unlisted = 0
    /// The first `DiagnosticsError.limitPerFile` errors, then one line saying how many more.
    var diagnostics: [Diagnostic] {
        unlisted == 0 ? listed : listed + [DiagnosticsError.more(unlisted, in: file)]
    }
    /// Turns a node that an error names into a location (validation errors carry no column).
    var locate: ((xmlNodePtr) -> SourceLocation)?

    init(file: String, locate: ((xmlNodePtr) -> SourceLocation)? = nil) {
        self.file = file
        self.locate = locate
    }

    /// Runs `body` with libxml2's errors routed here.
    func collecting<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        s11_set_structured_errors(context, ErrorCollector.handler)
        defer { s11_set_structured_errors(nil, nil) }
        return body()
    }

    static let handler: s11_structured_error_fn = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        collector.add(error.pointee)
    }

    func add(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        guard listed.count < DiagnosticsError.limitPerFile else { unlisted += 1; return }
        var message = error.message.map { String(cString: $0) } ?? "unknown XML error"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        var location = SourceLocation(file: file, line: Int(error.line), column: Int(error.int2))
        if let node = error.node, let locate {
            let found = locate(node.assumingMemoryBound(to: xmlNode.self))
            if found.line > 0 { location = found }
        }
        if location.line < 1 { location.line = 1 }
        if location.column < 1 { location.column = 1 }
        if error.domain == Int32(XML_FROM_I18N.rawValue) || error.domain == Int32(XML_FROM_IO.rawValue)
            || message.contains("encoding") || message.contains("conversion failed") {
            // One line in s11's words for bytes that are not the text they claim to be.
            guard !listed.contains(where: { $0.message == Self.notItsEncoding }) else { return }
            listed.append(Diagnostic(location, Self.notItsEncoding))
            return
        }
        listed.append(Diagnostic(location, Self.plain(message)))
    }

    static let notItsEncoding = "the file's bytes are not text in the encoding it declares (UTF-8 when its first line names none); save it as UTF-8 text"

    /// libxml2's schema messages name elements as `{urn:...}name`; people read `name`.
    static func plain(_ message: String) -> String {
        var text = message
        while let open = text.range(of: "{urn:"), let close = text[open.upperBound...].firstIndex(of: "}") {
            text.removeSubrange(open.lowerBound...close)
        }
        return text.replacingOccurrences(of: "Element '", with: "element '")
    }
}
