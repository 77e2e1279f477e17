import Foundation
import S11Core

/// Writes a crosswalk as `crosswalk.xsd` has it (for one s11 makes itself, kept with a round as
/// the files from Standards/ are), and checks it against the schema before returning it.
public struct CrosswalkXML {
    public init() {}

    public func write(_ crosswalk: Crosswalk) throws(DiagnosticsError) -> Data {
        let builder = XMLBuilder(root: "crosswalk", namespace: SchemaValidator.Schema.crosswalk.namespace)
        builder.setAttributes(builder.root, [("id", crosswalk.id), ("version", crosswalk.version),
                                             ("from", crosswalk.fromCatalogue), ("to", crosswalk.toCatalogue)])
        builder.text("title", crosswalk.title, in: builder.root)
        for mapping in crosswalk.mappings {
            builder.element("map", in: builder.root, attributes: [("from", mapping.from), ("to", mapping.to), ("note", mapping.note)])
        }
        let data = builder.data()
        try SchemaValidator.shared(.crosswalk).validate(try XMLDocument(data: data, file: "crosswalk \(crosswalk.id)"))
        return data
    }
}
