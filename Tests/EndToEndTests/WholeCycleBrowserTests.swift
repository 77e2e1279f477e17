import Foundation
import S11TestSupport
import Testing

/// The lead's whole cycle in the browser (Tests/Browser/whole_cycle.py, Selenium and Chromium),
/// with no command-line step after `s11 admin create`: invitations reach a real SMTP server
/// through msmtp, officers answer through the links in the received mails, and the downloaded
/// Word plan is opened by LibreOffice and the board XML checked by xmlschema.
@Suite(.serialized, .needs(.chromium, .chromedriver, .selenium, .msmtp, .aiosmtpd, .libreoffice, .pdftotext))
struct WholeCycleBrowserTests {
    @Test func aCoordinatorRunsTheWholeCycleInTheBrowser() async throws {
        let s11 = try S11Binary()
        let email = "lead@riverside.example", password = MailedServer.password
        let served = try await MailedServer(s11, email: email, account: ["--org", "Riverside District Council"], content: S11Binary.content)
        defer { served.stop() }
        let (base, smtp, out) = (served.base, served.smtp, served.downloads)
        let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/whole_cycle.py").path
        let run = try await runTool("/usr/bin/env", ["python3", script, base, email, password, smtp.folder.path,
                                               S11Binary.packageRoot.appendingPathComponent("Examples").path, out.path])
        #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
        let wording = "Hotel Watch scheme to continue, with the police and the licensing team"

        // The board XML is valid under xmlschema (and xmllint) and carries the change and version 1.0.
        let xml = out.appendingPathComponent("plan.xml").path
        try await expectValid(xml, schema: "plan.xsd")
        let text = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(text.contains(wording) && text.contains("Signed off by cabinet") && text.contains("1.0"))
        #expect(text.contains("Jo Bloggs, Safeguarding Lead"), "the lead's display name is the plan's author")

        // LibreOffice opens the Word plan; its text has the new wording (wrapped in its table cell).
        let words = try await printedText(ofWord: out.appendingPathComponent("plan.docx"), in: out)
        #expect(words.contains("A1.1 Hotel Watch") && words.contains("licensing team") && words.contains("Signed off by cabinet"))

        // What the browser did is in the store: two returns by link, the staff export, the moderation.
        let status = try await s11.succeed(["audit", "status", "--db", s11.db]).stdout
        #expect(status.contains("2 of 10 officers have submitted"))
        #expect(try await s11.succeed(["responses", "batches", "--db", s11.db]).stdout.contains("surveymonkey-2026.csv"))
        #expect(try await s11.succeed(["invite", "--status", "--db", s11.db]).stdout.components(separatedBy: "accepted by the mail program").count == 11)
    }
}
