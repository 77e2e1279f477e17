import Foundation
import S11TestSupport
import Testing

/// The board report for the county benchmark's round (300 organisations, built by `s11-bench county
/// --phases round`), as Word, opened in LibreOffice as a board member's papers would be: one opening
/// page, then the heatmap at no fewer than 30 organisations a landscape page, no word broken in any
/// cell, the whole in at most 20 pages.
@Suite struct BoardPaperTests {
    /// Words in the printed paper that are not words of the document (a word cut by a narrow cell:
    /// "Ambe" and "r"). A word broken at its own hyphen reads joined ("self-harm" as "selfharm") and counts as whole.
    static let brokenWords = """
        import re, subprocess, sys, zipfile
        xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
        words = set()
        for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml):
            text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraph))
            for entity, character in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
                text = text.replace(entity, character)
            words.update(text.split())
            words.update(word.replace("-", "") for word in text.split())
        printed = subprocess.run(["pdftotext", sys.argv[2], "-"], capture_output=True, text=True, check=True).stdout
        print("\\n".join(word for word in printed.split() if word not in words))
        """

    @Test(.needs(.libreoffice, .pdftotext)) func theCountyRoundsBoardPaperIsAtMostTwentyPages() async throws {
        let s11 = try S11Binary()
        let store = s11.folder.appendingPathComponent("county.sqlite").path
        let bench = S11Binary.executable.deletingLastPathComponent().appendingPathComponent("s11-bench").path
        let built = try await runTool(bench, ["county", "--phases", "round", "--db", store])
        #expect(built.status == 0, "\(built.output)")
        let round = try #require(built.output.split(separator: "\n").first { $0.contains("kept in") }?.split(separator: " ").dropFirst().first)
        try await s11.succeed(["round", "export", "--round", String(round), "--format", "docx", "--out", "paper.docx", "--db", store])
        let docx = s11.folder.appendingPathComponent("paper.docx")
        let pdf = try await convertToPDF(docx, in: s11.folder)

        let info = try await runTool("/usr/bin/env", ["pdfinfo", pdf.path]).output
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) })
        #expect(pages <= 20, "\(pages) pages")
        func page(_ number: Int) async throws -> String {
            try await runTool("/usr/bin/env", ["pdftotext", "-f", "\(number)", "-l", "\(number)", pdf.path, "-"]).output
        }
        // The opening page holds all a member reads first; the heatmap starts the next.
        let opening = try await page(1)
        for part in ["At a glance", "The partnership's bands by standard", "Most in need of challenge", "Lowest overall", "Most Red standards",
                     "Biggest fall since last year", "The commonest gaps"] {
            #expect(opening.contains(part), "\(part) is not on the opening page")
        }
        #expect(!opening.contains("Organisations by standard"))
        #expect(try await page(2).hasPrefix("Organisations by standard"))
        // Every page of the heatmap but its last holds at least 30 organisations; together they hold all 300.
        var counts: [Int] = []
        for number in 2...pages {
            let rows = try await page(number).split(separator: "\n").filter { $0.wholeMatch(of: /Member \d+ \(.+\)/) != nil }.count
            if rows == 0 && !counts.isEmpty { break }
            counts.append(rows)
        }
        #expect(counts.reduce(0, +) == 300, "\(counts)")
        #expect(counts.dropLast().allSatisfy { $0 >= 30 }, "organisations a page: \(counts)")
        let broken = try await runTool("/usr/bin/env", ["python3", "-c", Self.brokenWords, docx.path, pdf.path])
        #expect(broken.status == 0 && broken.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "broken words: \(broken.output.prefix(500))")
    }
}
