import Foundation
import S11Core
import S11XML

/// The board report as a Word document (.docx) for the board's papers: landscape A4, the opening
/// page on its own, every section of `BoardReport`, header rows repeated on each page, the heatmap
/// in small type, and cells shaded in RAG colours with the band also written (in words, or its
/// initial in the heatmap). The same report gives the same bytes.
public struct BoardReportWord: Sendable {
    public init() {}

    /// The width the tables share: landscape A4 less its margins, in twentieths of a point.
    static let pageWidth = 15_100

    public func write(_ report: BoardReport) throws -> Data {
        let doc = WordBody(builder: XMLBuilder(root: "document", namespace: WordPackage.w, prefix: "w", qualifiedAttributes: true))
        doc.paragraph(report.title, style: "Title")
        for line in report.introduction { doc.paragraph(line) }
        var startsPage = false
        for section in report.sections {
            doc.paragraph(section.title, style: "Heading1", setting: WordBody.Setting(startsPage: startsPage))
            startsPage = section.endsPage
            for line in section.paragraphs { doc.paragraph(line) }
            for (caption, table) in section.tables {
                if let caption { doc.paragraph(caption, bold: true) }
                let unit = Self.pageWidth / max(table.widths.reduce(0, +), 1)
                doc.table(widths: table.widths.map { $0 * unit }, headerLines: table.header, rows: table.rows.map { row in
                    row.map { cell in cell.rag.map { .shaded(cell.text, fill: WordPackage.fill($0)) } ?? .text(cell.text) }
                }, style: table.isHeatmap ? .compact : .tight)
            }
        }
        doc.landscapeSection()
        return try WordPackage.docx(document: doc.builder.data(indented: false))
    }
}
