import Foundation
import S11TestSupport
import Testing

/// A board's round in the browser (Tests/Browser/round_cycle.py, Selenium and Chromium) on the
/// Pan-Cheshire style content: three organisations, two submit and one is overdue, a peer proposes
/// a score the board accepts, a challenge event moderates a requirement from 1 to 2 and the
/// moderated percentage moves; the leads' and officers' mail reaches a real SMTP server, and the
/// downloaded round XML is valid under xmlschema.
@Suite(.serialized, .needs(.chromium, .chromedriver, .selenium, .msmtp, .aiosmtpd))
struct RoundBrowserTests {
    @Test func aBoardRunsARoundInTheBrowser() async throws {
        let s11 = try S11Binary()
        let email = "board@pancheshire.example", password = MailedServer.password
        let content = S11Binary.packageRoot.appendingPathComponent("Tests/Fixtures/pan-cheshire").path
        let served = try await MailedServer(s11, email: email, account: ["--board", "Pan-Cheshire Safeguarding Partnership"], content: content)
        defer { served.stop() }
        let (base, smtp, out) = (served.base, served.smtp, served.downloads)
        let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/round_cycle.py").path
        // With axe-core at hand, its WCAG 2.2 A and AA rules run on every board page and the peer's page too.
        let axe = ExternalTool.available(.axe) ? [ExternalTool.axePath] : []
        let run = try await runTool("/usr/bin/env", ["python3", script, base, email, password, smtp.folder.path, out.path] + axe)
        #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
        if !axe.isEmpty { #expect(run.output.contains("accessible: "), "\(run.output)") }

        // The round's XML is valid under xmlschema (and xmllint) and carries the moderated figures.
        let xml = out.appendingPathComponent("round.xml").path
        try await expectValid(xml, schema: "round.xsd")
        let text = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(text.contains("stage=\"overdue\"") && text.components(separatedBy: "stage=\"submitted\"").count == 3)
        #expect(text.contains("<overall percent=\"33.3\" rag=\"red\" moderatedPercent=\"58.3\" moderatedRag=\"amber\"/>"), "\(text.prefix(1500))")
        // The board report has the challenge and the peer's accepted score.
        let report = try String(contentsOf: out.appendingPathComponent("board-report.html"), encoding: .utf8)
        #expect(report.contains("Police challenge") && report.contains("Board minutes show the lead reports quarterly"))
        #expect(report.contains("Training records seen for most teams") && report.contains("<td>accepted</td>"))
        #expect(report.contains("<th scope=\"row\">Cheshire Fire and Rescue</th><td>Fire</td><td>overdue</td>"))   // the overdue one named
    }
}
