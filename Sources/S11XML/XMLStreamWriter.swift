import CLibXML2
import Foundation
import S11Core

/// Writes an XML document element by element with libxml2's text writer, holding only the bytes
/// written so far (no tree), then checks them against a shipped schema with libxml2's streaming
/// reader, which keeps no tree either: for exports too large to build as a document.
final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// Starts the document with its root element in `namespace` (declared first, as the builder does).
    init(root: String, namespace: String, attributes: [(String, String?)]) {
        LibXML.initialise()
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        start(root, [("xmlns", namespace)] + attributes)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens an element with its attributes (those with no value left out); close it with `end()`.
    func start(_ name: String, _ attributes: [(String, String?)] = []) {
        xmlTextWriterStartElement(writer, name)
        for case let (attribute, value?) in attributes { xmlTextWriterWriteAttribute(writer, attribute, value) }
    }

    func end() { xmlTextWriterEndElement(writer) }

    /// An element with attributes and nothing inside.
    func empty(_ name: String, _ attributes: [(String, String?)]) {
        start(name, attributes)
        end()
    }

    /// Closes every open element and returns the document once `schema` finds nothing wrong with it.
    func finish(validatingAgainst schema: SchemaValidator.Schema, file: String) throws(DiagnosticsError) -> Data {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        let count = Int(xmlBufferLength(buffer))
        // The buffer's bytes are handed over, not copied, so a large export is held once.
        let data = if let bytes = xmlBufferDetach(buffer) {
            Data(bytesNoCopy: bytes, count: count, deallocator: .custom { pointer, _ in s11_xml_free(pointer) })
        } else {
            Data(bytes: xmlBufferContent(buffer), count: count)
        }
        try SchemaValidator.shared(schema).validateStreaming(data, file: file)
        return data
    }
}
