import Foundation
import CLibXML2
import S11Core

/// A read-only view of one element of an `XMLDocument`, valid while the document lives.
public struct XMLElement {
    let node: xmlNodePtr
    let document: XMLDocument

    /// The local name, without prefix.
    public var name: String { String(cString: node.pointee.name) }

    public var namespace: String? {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    public var location: SourceLocation { document.location(of: node) }

    /// Child elements, optionally only those called `name`.
    public func children(_ name: String? = nil) -> [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = XMLElement(node: current, document: document)
                if name == nil || element.name == name { result.append(element) }
            }
            child = current.pointee.next
        }
        return result
    }

    public func child(_ name: String) -> XMLElement? { children(name).first }

    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { s11_xml_free(value) }
        return String(cString: value)
    }

    /// All the text inside, exactly as written.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { s11_xml_free(content) }
        return String(cString: content)
    }

    /// The text of child `name`, trimmed of surrounding white space, or nil when absent.
    public func childText(_ name: String) -> String? {
        child(name).map { $0.text.trimmingWhitespace() }
    }
}
