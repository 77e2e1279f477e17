import CLibXML2
import S11XML

/// Writes the body of a WordprocessingML document: paragraphs, tables with a repeated header row
/// and shaded cells, and a closing landscape A4 section.
final class WordBody {
    /// A table cell: text, several paragraphs, text on a coloured fill (hex RGB), or a cell merged
    /// down over the rows below it (`mergedStart`, then `mergedContinue` in those rows).
    enum Cell {
        case text(String, bold: Bool = false)
        case lines([String])
        case shaded(String, fill: String?)
        case mergedStart([String])
        case mergedContinue
    }

    let builder: XMLBuilder
    private let body: xmlNodePtr

    init(builder: XMLBuilder) {
        self.builder = builder
        body = builder.element("body", in: builder.root)
    }

    func paragraph(_ text: String, style: String? = nil, bold: Bool = false, in parent: xmlNodePtr? = nil) {
        let p = builder.element("p", in: parent ?? body)
        if let style { builder.element("pStyle", in: builder.element("pPr", in: p), attributes: [("val", style)]) }
        let run = builder.element("r", in: p)
        if bold { builder.element("b", in: builder.element("rPr", in: run)) }
        if let t = builder.text("t", text, in: run) { builder.preserveSpace(t) }
    }

    /// A full-width table; `widths` in twentieths of a point; `header` repeats on every page.
    func table(widths: [Int], header: [String]?, rows: [[Cell]]) {
        let table = builder.element("tbl", in: body)
        let properties = builder.element("tblPr", in: table)
        builder.element("tblW", in: properties, attributes: [("w", String(widths.reduce(0, +))), ("type", "dxa")])
        let borders = builder.element("tblBorders", in: properties)
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            builder.element(side, in: borders, attributes: [("val", "single"), ("sz", "4"), ("space", "0"), ("color", "808080")])
        }
        let grid = builder.element("tblGrid", in: table)
        for width in widths { builder.element("gridCol", in: grid, attributes: [("w", String(width))]) }
        if let header {
            let row = builder.element("tr", in: table)
            builder.element("tblHeader", in: builder.element("trPr", in: row))
            for (index, title) in header.enumerated() {
                cell(.shaded(title, fill: "D9D9D9"), width: widths[index], bold: true, in: row)
            }
        }
        for cells in rows {
            let row = builder.element("tr", in: table)
            builder.element("cantSplit", in: builder.element("trPr", in: row))
            for (index, content) in cells.enumerated() { cell(content, width: widths[index], bold: false, in: row) }
        }
        builder.element("p", in: body)                      // Word needs a paragraph between tables
    }

    private func cell(_ content: Cell, width: Int, bold: Bool, in row: xmlNodePtr) {
        let tc = builder.element("tc", in: row)
        let properties = builder.element("tcPr", in: tc)
        builder.element("tcW", in: properties, attributes: [("w", String(width)), ("type", "dxa")])
        switch content {
        case .text(let text, let strong):
            paragraph(text, bold: bold || strong, in: tc)
        case .lines(let lines):
            for line in lines.isEmpty ? [""] : lines { paragraph(line, bold: bold, in: tc) }
        case .shaded(let text, let fill):
            if let fill { builder.element("shd", in: properties, attributes: [("val", "clear"), ("color", "auto"), ("fill", fill)]) }
            paragraph(text, bold: bold, in: tc)
        case .mergedStart(let lines):
            builder.element("vMerge", in: properties, attributes: [("val", "restart")])
            for line in lines.isEmpty ? [""] : lines { paragraph(line, bold: bold, in: tc) }
        case .mergedContinue:
            builder.element("vMerge", in: properties)
            builder.element("p", in: tc)
        }
    }

    /// Landscape A4 with 1.5 cm margins, for the whole document.
    func landscapeSection() {
        let section = builder.element("sectPr", in: body)
        builder.element("pgSz", in: section, attributes: [("w", "16838"), ("h", "11906"), ("orient", "landscape")])
        builder.element("pgMar", in: section, attributes: [("top", "850"), ("right", "850"), ("bottom", "850"), ("left", "850"),
                                                          ("header", "567"), ("footer", "567"), ("gutter", "0")])
    }
}
