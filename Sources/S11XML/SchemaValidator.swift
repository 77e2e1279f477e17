import CLibXML2
import Foundation
import S11Core

/// Validates documents against the XSDs that ship with s11 (resources of this module).
public final class SchemaValidator: @unchecked Sendable {
    /// The shipped schemas.
    public enum Schema: String, CaseIterable, Sendable {
        case catalogue, survey, officerReturn = "return", plan, poam
        /// The board XML before version 2, still read on import and upgraded.
        case planVersion1 = "plan-v1"
        /// A board's round as one file.
        case round
        /// How one catalogue's requirements answer another's.
        case crosswalk

        /// The namespace of the schema's documents.
        public var namespace: String {
            switch self {
            case .catalogue: return "urn:s11:catalogue:1"
            case .survey: return "urn:s11:survey:1"
            case .officerReturn: return "urn:s11:return:1"
            case .plan: return "urn:s11:plan:2"
            case .planVersion1: return "urn:s11:plan:1"
            case .round: return "urn:s11:round:1"
            case .crosswalk: return "urn:s11:crosswalk:1"
            case .poam: return "http://csrc.nist.gov/ns/oscal/1.0"
            }
        }

        /// Where the XSD is on disk, for people and for other validators.
        public var url: URL? { Bundle.module.url(forResource: rawValue, withExtension: "xsd", subdirectory: "Schemas") }
    }

    private let schema: xmlSchemaPtr
    public let kind: Schema

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [Schema: SchemaValidator] = [:]

    /// The validator for a shipped schema, parsed once per process.
    public static func shared(_ kind: Schema) throws(DiagnosticsError) -> SchemaValidator {
        lock.lock()
        defer { lock.unlock() }
        if let found = cache[kind] { return found }
        let made = try SchemaValidator(kind)
        cache[kind] = made
        return made
    }

    private init(_ kind: Schema) throws(DiagnosticsError) {
        LibXML.initialise()
        self.kind = kind
        let name = "\(kind.rawValue).xsd"
        guard let url = kind.url, let data = try? Data(contentsOf: url) else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: name, line: 0, column: 0),
                "the shipped schema \(name) is missing from the s11 installation; rebuild s11")])
        }
        let collector = ErrorCollector(file: name)
        let parsed: xmlSchemaPtr? = collector.collecting {
            data.withUnsafeBytes { raw -> xmlSchemaPtr? in
                guard let context = xmlSchemaNewMemParserCtxt(raw.baseAddress!.assumingMemoryBound(to: CChar.self),
                                                              Int32(data.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                return xmlSchemaParse(context)
            }
        }
        guard let parsed else {
            throw DiagnosticsError(collector.diagnostics.isEmpty
                ? [Diagnostic(SourceLocation(file: name, line: 0, column: 0), "the shipped schema does not compile")]
                : collector.diagnostics)
        }
        self.schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// Every way `document` breaks the schema; empty when it is valid.
    public func problems(in document: XMLDocument) -> [Diagnostic] {
        if let root = document.root, root.namespace != kind.namespace {
            let found = root.namespace.map { "namespace '\($0)'" } ?? "no namespace"
            return [Diagnostic(root.location,
                "the root element <\(root.name)> is in \(found); a \(kind.rawValue) file needs xmlns=\"\(kind.namespace)\"")]
        }
        let collector = ErrorCollector(file: document.file, locate: { document.location(of: $0) })
        let result: Int32 = collector.collecting {
            guard let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            let context2 = Unmanaged.passUnretained(collector).toOpaque()
            s11_schema_valid_errors(context, ErrorCollector.handler, context2)
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        if result != 0 && collector.diagnostics.isEmpty {
            return [Diagnostic(SourceLocation(file: document.file, line: 1, column: 1), "the document does not match \(kind.rawValue).xsd")]
        }
        return collector.diagnostics
    }

    /// Checks `data` against the schema while reading it once with libxml2's streaming reader,
    /// which builds no tree (for large exports); no network, no entities. Throws the problems.
    public func validateStreaming(_ data: Data, file: String) throws(DiagnosticsError) {
        let collector = ErrorCollector(file: file)
        let valid: Bool = collector.collecting {
            data.withUnsafeBytes { raw -> Bool in
                // The reader goes first, its validation context after: freeing the reader unplugs the context.
                guard let context = xmlSchemaNewValidCtxt(schema) else { return false }
                defer { xmlSchemaFreeValidCtxt(context) }
                guard let reader = xmlReaderForMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count), nil, "UTF-8",
                                                      Int32(XML_PARSE_NONET.rawValue)) else { return false }
                defer { xmlFreeTextReader(reader) }
                s11_schema_valid_errors(context, ErrorCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
                guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else { return false }
                var step: Int32 = 1
                while step == 1 { step = xmlTextReaderRead(reader) }
                return step == 0 && xmlTextReaderIsValid(reader) == 1
            }
        }
        if !valid || !collector.diagnostics.isEmpty {
            throw DiagnosticsError(collector.diagnostics.isEmpty
                ? [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the document does not match \(kind.rawValue).xsd")]
                : collector.diagnostics)
        }
    }

    /// Throws the problems, if any.
    public func validate(_ document: XMLDocument) throws(DiagnosticsError) {
        let found = problems(in: document)
        if !found.isEmpty { throw DiagnosticsError(found) }
    }
}
