import CLibXML2
import Foundation

/// Builds an XML document with libxml2 (which escapes every text and attribute) and writes it
/// as indented UTF-8. The same tree always gives the same bytes. Every element is in the one
/// namespace given, unprefixed by default, or prefixed (as WordprocessingML's `w:`), in which case
/// attributes can be qualified with the same prefix.
public final class XMLBuilder {
    private let doc: xmlDocPtr
    private let namespace: xmlNsPtr
    private let qualifiedAttributes: Bool
    public let root: xmlNodePtr

    public init(root name: String, namespace uri: String, prefix: String? = nil, qualifiedAttributes: Bool = false) {
        LibXML.initialise()
        doc = xmlNewDoc("1.0")
        root = xmlNewDocNode(doc, nil, name, nil)
        namespace = xmlNewNs(root, uri, prefix)
        self.qualifiedAttributes = qualifiedAttributes
        xmlSetNs(root, namespace)
        xmlDocSetRootElement(doc, root)
    }

    deinit { xmlFreeDoc(doc) }

    /// Sets attributes on `node`, skipping nil values.
    public func setAttributes(_ node: xmlNodePtr, _ attributes: [(String, String?)]) {
        for (key, value) in attributes {
            guard let value else { continue }
            if qualifiedAttributes { xmlNewNsProp(node, namespace, key, value) } else { xmlNewProp(node, key, value) }
        }
    }

    /// Marks `node` `xml:space="preserve"`, so leading and trailing spaces in its text are kept.
    public func preserveSpace(_ node: xmlNodePtr) { xmlNodeSetSpacePreserve(node, 1) }

    /// Adds an empty child element.
    @discardableResult
    public func element(_ name: String, in parent: xmlNodePtr, attributes: [(String, String?)] = []) -> xmlNodePtr {
        let node = xmlNewChild(parent, namespace, name, nil)!
        setAttributes(node, attributes)
        return node
    }

    /// Adds a child element holding `text`, escaped; nothing when `text` is nil.
    @discardableResult
    public func text(_ name: String, _ text: String?, in parent: xmlNodePtr, attributes: [(String, String?)] = []) -> xmlNodePtr? {
        guard let text else { return nil }
        let node = xmlNewTextChild(parent, namespace, name, text)!
        setAttributes(node, attributes)
        return node
    }

    /// Adds a comment (a `--` inside is softened, as XML forbids it in comments).
    public func comment(_ text: String, in parent: xmlNodePtr) {
        let safe = text.replacingOccurrences(of: "--", with: "- -")
        xmlAddChild(parent, xmlNewDocComment(doc, " \(safe) "))
    }

    /// The document as indented UTF-8 bytes.
    public func data(indented: Bool = true) -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>? = nil
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(doc, &buffer, &size, "UTF-8", indented ? 1 : 0)
        guard let buffer else { return Data() }
        defer { s11_xml_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }
}
