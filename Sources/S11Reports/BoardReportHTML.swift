import S11Core

/// The board report as one self-contained page (inline CSS, no scripts) that prints on A4
/// landscape: every section of `BoardReport`, the opening page printed on its own, bands coloured
/// and named in words (by their initial in the heatmap).
public struct BoardReportHTML: Sendable {
    public init() {}

    public func write(_ report: BoardReport) -> String {
        var html = ReportStyle.head(title: report.title, bodyClass: "paper") + "<header>\n<h1>\(e(report.title))</h1>\n"
        html += report.introduction.map { "<p>\(e($0))</p>\n" }.joined() + "</header>\n<main>\n"
        for (index, section) in report.sections.enumerated() {
            html += "<section aria-labelledby=\"section-\(index + 1)\"\(section.endsPage ? " class=\"ends-page\"" : "")>\n<h2 id=\"section-\(index + 1)\">\(e(section.title))</h2>\n"
            html += section.paragraphs.map { "<p>\(e($0))</p>\n" }.joined()
            for (caption, table) in section.tables {
                html += "<table\(table.isHeatmap ? " class=\"heatmap\"" : "")>\n"
                if let caption { html += "<caption>\(e(caption))</caption>\n" }
                html += "<thead><tr>" + table.header.map { "<th scope=\"col\">\($0.map(e).joined(separator: "<br>"))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in table.rows {
                    html += "<tr>" + row.enumerated().map { column, cell in
                        let tag = column == 0 ? "th scope=\"row\"" : "td"
                        return "<\(tag)\(cell.rag.map { " class=\"\($0.rawValue)\"" } ?? "")>\(e(cell.text))</\(column == 0 ? "th" : "td")>"
                    }.joined() + "</tr>\n"
                }
                html += "</tbody>\n</table>\n"
            }
            html += "</section>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
}
