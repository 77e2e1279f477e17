import CLibXML2
import Foundation

/// Builds an XML document with libxml2 (which escapes every text and attribute) and writes it
/// as indented UTF-8. The same tree always gives the same bytes.
final class XMLBuilder {
    private let doc: xmlDocPtr
    private let namespace: xmlNsPtr
    let root: xmlNodePtr

    init(root name: String, namespace uri: String) {
        LibXML.initialise()
        doc = xmlNewDoc("1.0")
        root = xmlNewDocNode(doc, nil, name, nil)
        namespace = xmlNewNs(root, uri, nil)
        xmlSetNs(root, namespace)
        xmlDocSetRootElement(doc, root)
    }

    deinit { xmlFreeDoc(doc) }

    /// Sets attributes on `node`, skipping nil values.
    func setAttributes(_ node: xmlNodePtr, _ attributes: [(String, String?)]) {
        for (key, value) in attributes {
            if let value { xmlNewProp(node, key, value) }
        }
    }

    /// Adds an empty child element.
    @discardableResult
    func element(_ name: String, in parent: xmlNodePtr, attributes: [(String, String?)] = []) -> xmlNodePtr {
        let node = xmlNewChild(parent, namespace, name, nil)!
        setAttributes(node, attributes)
        return node
    }

    /// Adds a child element holding `text`, escaped; nothing when `text` is nil.
    @discardableResult
    func text(_ name: String, _ text: String?, in parent: xmlNodePtr, attributes: [(String, String?)] = []) -> xmlNodePtr? {
        guard let text else { return nil }
        let node = xmlNewTextChild(parent, namespace, name, text)!
        setAttributes(node, attributes)
        return node
    }

    /// Adds a comment (a `--` inside is softened, as XML forbids it in comments).
    func comment(_ text: String, in parent: xmlNodePtr) {
        let safe = text.replacingOccurrences(of: "--", with: "- -")
        xmlAddChild(parent, xmlNewDocComment(doc, " \(safe) "))
    }

    /// The document as indented UTF-8 bytes.
    func data() -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>? = nil
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(doc, &buffer, &size, "UTF-8", 1)
        guard let buffer else { return Data() }
        defer { s11_xml_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }
}
