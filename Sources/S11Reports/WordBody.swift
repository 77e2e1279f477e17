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

    /// How a paragraph is set beyond its style: its type size, no space after it, centred, or starting a new page.
    struct Setting {
        var size: Int?
        var centred = false
        var tight = false
        /// The paragraph starts a new page.
        var startsPage = false

        static let normal = Setting()
    }

    func paragraph(_ text: String, style: String? = nil, bold: Bool = false, in parent: xmlNodePtr? = nil, setting: Setting = .normal) {
        let p = builder.element("p", in: parent ?? body)
        if style != nil || setting.tight || setting.centred || setting.startsPage {
            let properties = builder.element("pPr", in: p)
            if let style { builder.element("pStyle", in: properties, attributes: [("val", style)]) }
            if setting.startsPage { builder.element("pageBreakBefore", in: properties) }
            if setting.tight { builder.element("spacing", in: properties, attributes: [("before", "0"), ("after", "0")]) }
            if setting.centred { builder.element("jc", in: properties, attributes: [("val", "center")]) }
        }
        let run = builder.element("r", in: p)
        if bold || setting.size != nil {
            let properties = builder.element("rPr", in: run)
            if bold { builder.element("b", in: properties) }
            if let size = setting.size { builder.element("sz", in: properties, attributes: [("val", String(size))]) }
        }
        if let t = builder.text("t", text, in: run) { builder.preserveSpace(t) }
    }

    /// A full-width table; `widths` in twentieths of a point; `header` repeats on every page.
    func table(widths: [Int], header: [String]?, rows: [[Cell]]) {
        table(widths: widths, headerLines: header.map { $0.map { [$0] } }, rows: rows)
    }

    /// How a table is set: as the document's paragraphs; `tight`, with no space after each cell's
    /// lines; `compact`, tight in small type with narrow cell margins, its cells centred but the first.
    enum TableStyle {
        case normal, tight, compact
    }

    /// A full-width table whose header cells may hold several lines, set in `style`.
    func table(widths: [Int], headerLines: [[String]]?, rows: [[Cell]], style: TableStyle = .normal) {
        let compact = style == .compact
        let table = builder.element("tbl", in: body)
        let properties = builder.element("tblPr", in: table)
        builder.element("tblW", in: properties, attributes: [("w", String(widths.reduce(0, +))), ("type", "dxa")])
        let borders = builder.element("tblBorders", in: properties)
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            builder.element(side, in: borders, attributes: [("val", "single"), ("sz", "4"), ("space", "0"), ("color", "808080")])
        }
        if compact {
            builder.element("tblLayout", in: properties, attributes: [("type", "fixed")])
            let margins = builder.element("tblCellMar", in: properties)
            for side in ["left", "right"] { builder.element(side, in: margins, attributes: [("w", "40"), ("type", "dxa")]) }
        }
        let grid = builder.element("tblGrid", in: table)
        for width in widths { builder.element("gridCol", in: grid, attributes: [("w", String(width))]) }
        func setting(_ column: Int) -> Setting {
            switch style {
            case .normal: .normal
            case .tight: Setting(tight: true)
            case .compact: Setting(size: 14, centred: column > 0, tight: true)
            }
        }
        if let headerLines {
            let row = builder.element("tr", in: table)
            builder.element("tblHeader", in: builder.element("trPr", in: row))
            for (index, lines) in headerLines.enumerated() {
                let tc = newCell(width: widths[index], fill: "D9D9D9", in: row).cell
                for line in lines { paragraph(line, bold: true, in: tc, setting: setting(index)) }
            }
        }
        for cells in rows {
            let row = builder.element("tr", in: table)
            builder.element("cantSplit", in: builder.element("trPr", in: row))
            for (index, content) in cells.enumerated() { cell(content, width: widths[index], setting: setting(index), in: row) }
        }
        builder.element("p", in: body)                      // Word needs a paragraph between tables
    }

    /// A cell of `width`, shaded with `fill` when given: the cell to write paragraphs into, and its properties.
    private func newCell(width: Int, fill: String?, in row: xmlNodePtr) -> (cell: xmlNodePtr, properties: xmlNodePtr) {
        let tc = builder.element("tc", in: row)
        let properties = builder.element("tcPr", in: tc)
        builder.element("tcW", in: properties, attributes: [("w", String(width)), ("type", "dxa")])
        if let fill { builder.element("shd", in: properties, attributes: [("val", "clear"), ("color", "auto"), ("fill", fill)]) }
        return (tc, properties)
    }

    private func cell(_ content: Cell, width: Int, setting: Setting, in row: xmlNodePtr) {
        switch content {
        case .text(let text, let strong):
            paragraph(text, bold: strong, in: newCell(width: width, fill: nil, in: row).cell, setting: setting)
        case .lines(let lines):
            let tc = newCell(width: width, fill: nil, in: row).cell
            for line in lines.isEmpty ? [""] : lines { paragraph(line, in: tc, setting: setting) }
        case .shaded(let text, let fill):
            paragraph(text, in: newCell(width: width, fill: fill, in: row).cell, setting: setting)
        case .mergedStart(let lines):
            let (tc, properties) = newCell(width: width, fill: nil, in: row)
            builder.element("vMerge", in: properties, attributes: [("val", "restart")])
            for line in lines.isEmpty ? [""] : lines { paragraph(line, in: tc, setting: setting) }
        case .mergedContinue:
            let (tc, properties) = newCell(width: width, fill: nil, in: row)
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
