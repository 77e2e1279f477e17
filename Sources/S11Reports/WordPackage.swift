import Foundation
import S11Core
import S11XML
import ZIPFoundation

/// A Word document's package (Office Open XML): the content types, relationships and styles every
/// s11 document shares (Arial, a title and two heading levels), around its document part, and
/// the RAG fills its tables are shaded with.
enum WordPackage {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// The .docx for a WordprocessingML `document` part (built on `WordBody`): the package's parts,
    /// zipped with fixed dates so that the same document gives the same bytes.
    static func docx(document: Data) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", packageRelationships()),
            ("word/document.xml", document),
            ("word/styles.xml", styles()),
            ("word/_rels/document.xml.rels", documentRelationships()),
        ]
        let fixed = Date(timeIntervalSince1970: 1_767_225_600)          // 2026-01-01, so the bytes never change
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixed,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    // MARK: Package parts

    private static func contentTypes() -> Data {
        let builder = XMLBuilder(root: "Types", namespace: "http://schemas.openxmlformats.org/package/2006/content-types")
        builder.element("Default", in: builder.root, attributes: [
            ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        builder.element("Default", in: builder.root, attributes: [("Extension", "xml"), ("ContentType", "application/xml")])
        builder.element("Override", in: builder.root, attributes: [
            ("PartName", "/word/document.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")])
        builder.element("Override", in: builder.root, attributes: [
            ("PartName", "/word/styles.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")])
        return builder.data(indented: false)
    }

    private static func packageRelationships() -> Data {
        relationships([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml")])
    }

    private static func documentRelationships() -> Data {
        relationships([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")])
    }

    private static func relationships(_ items: [(id: String, type: String, target: String)]) -> Data {
        let builder = XMLBuilder(root: "Relationships", namespace: "http://schemas.openxmlformats.org/package/2006/relationships")
        for item in items {
            builder.element("Relationship", in: builder.root, attributes: [("Id", item.id), ("Type", item.type), ("Target", item.target)])
        }
        return builder.data(indented: false)
    }

    private static func styles() -> Data {
        let builder = XMLBuilder(root: "styles", namespace: Self.w, prefix: "w", qualifiedAttributes: true)
        let defaults = builder.element("rPrDefault", in: builder.element("docDefaults", in: builder.root))
        let run = builder.element("rPr", in: defaults)
        builder.element("rFonts", in: run, attributes: [("ascii", "Arial"), ("hAnsi", "Arial"), ("cs", "Arial")])
        builder.element("sz", in: run, attributes: [("val", "18")])
        for (id, name, size) in [("Normal", "Normal", nil), ("Title", "Title", "36"), ("Heading1", "heading 1", "28"),
                                 ("Heading2", "heading 2", "22")] as [(String, String, String?)] {
            let style = builder.element("style", in: builder.root, attributes: [("type", "paragraph"), ("styleId", id)])
            builder.element("name", in: style, attributes: [("val", name)])
            if id != "Normal" { builder.element("basedOn", in: style, attributes: [("val", "Normal")]) }
            let paragraph = builder.element("pPr", in: style)
            builder.element("spacing", in: paragraph, attributes: [("before", id == "Normal" ? "0" : "240"), ("after", "80")])
            if let size {
                if id != "Title" { builder.element("outlineLvl", in: paragraph, attributes: [("val", id == "Heading1" ? "0" : "1")]) }
                let runStyle = builder.element("rPr", in: style)
                builder.element("b", in: runStyle)
                builder.element("sz", in: runStyle, attributes: [("val", size)])
            }
        }
        return builder.data(indented: false)
    }

    static func fill(_ rag: Rag) -> String {
        switch rag {
        case .blue: return "0070C0"
        case .green: return "00B050"
        case .amber: return "FFC000"
        case .red: return "FF0000"
        }
    }

}
