/// The stylesheet every s11 HTML page shares, inlined so each page stands alone.
public enum ReportStyle {
    /// GOV.UK-like type, RAG colours that are also named in text, A4 landscape printing.
    public static let css = """
        body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:1.5rem;line-height:1.4}
        h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem;break-after:avoid}
        table{border-collapse:collapse;width:100%;margin-bottom:1rem;font-size:.9rem}
        th,td{border:1px solid #b1b4b6;padding:.3rem .4rem;text-align:left;vertical-align:top}
        thead th{background:#f3f2f1}tr{break-inside:avoid}
        .heatmap td{text-align:center;white-space:nowrap;font-weight:bold}.heatmap{font-size:.75rem}.heatmap th,.heatmap td{padding:.1rem .25rem}
        .ends-page{break-after:page}
        .blue{background:#1d70b8;color:#fff;fill:#1d70b8}.green{background:#00703c;color:#fff;fill:#00703c}
        .amber{background:#ffdd00;color:#0b0c0c;fill:#f47738}.red{background:#d4351c;color:#fff;fill:#d4351c}
        .none{background:#fff;color:#505a5f;fill:#b1b4b6}.track{fill:#f3f2f1}.previous{fill:#0b0c0c}
        .whisker{stroke:#0b0c0c;stroke-width:1.5}.target{stroke:#0b0c0c;stroke-width:1;stroke-dasharray:3 2}
        tr.gap th{border-left:4px solid #d4351c}
        .badge{display:inline-block;padding:0 .35rem;border-radius:2px;font-weight:bold}
        .capped,.note{color:#505a5f;font-size:.85rem}.total th,.total td{border-top:3px solid #0b0c0c}
        .banner{margin:-1.5rem -1.5rem 1rem;padding:.5rem 1.5rem;border-bottom:1px solid #b1b4b6;text-align:right}
        .banner button{font:inherit;margin-left:.5rem}
        @page{size:A4 landscape;margin:12mm}
        @media print{body{margin:0}a{color:inherit}.banner{display:none}}
        @media print{body.paper{font-size:9pt}.paper h1{font-size:15pt}.paper h2{font-size:12pt;margin:.6rem 0 .3rem}.paper table{font-size:8pt;margin-bottom:.5rem}.paper th,.paper td{padding:1px 4px}.paper .heatmap{font-size:7pt}.paper .heatmap th,.paper .heatmap td{padding:0 2px}}
        """

    /// The start of a self-contained page, up to and including `<body>` (of `bodyClass` when given:
    /// `paper` prints in the board paper's smaller type), then the `banner` (HTML that the caller
    /// has escaped, shown on screen and not when printed) when there is one.
    static func head(title: String, banner: String = "", bodyClass: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>\(css)</style>
        </head>
        <body\(bodyClass.map { " class=\"\($0)\"" } ?? "")>

        """ + (banner.isEmpty ? "" : "<header class=\"banner\">\(banner)</header>\n")
    }
}
