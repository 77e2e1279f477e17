import Foundation
import S11TestSupport
import Testing

/// Evidence documents in Chromium (Tests/Browser/evidence.py, Selenium) against `s11 serve
/// --clamd-socket`, with ClamAV's daemon running on a signature file the test writes.
@Suite(.serialized, .needs(.chromium, .chromedriver, .selenium, .clamd))
struct EvidenceBrowserTests {
    @Test func anOfficerAttachesAPDFAndAWordFileAndTheScannerRefusesEICAR() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let s11 = try S11Binary()
        let (example, store) = try await s11.example()
        let port = freeLoopbackPort()
        let link = try #require(example.stdout.split(separator: "\n").first { $0.contains("/r/") }?.split(separator: " ").last)
            .replacingOccurrences(of: ":8080", with: ":\(port)")
        let (process, _, said) = try await ServeTests().startServer(s11, port: port, db: store, extra: ["--clamd-socket", clamd.socketPath])
        defer { if process.isRunning { process.terminate() } }
        #expect(said.contains("evidence documents are scanned by ClamAV's daemon at \(clamd.socketPath)"), "\(said)")
        let out = s11.folder.appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/evidence.py").path
        let axe = ExternalTool.available(.axe) ? [ExternalTool.axePath] : []
        let run = try await runTool("/usr/bin/env", ["python3", script, link, out.path] + axe)
        #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
        if !axe.isEmpty { #expect(run.output.contains("accessible: 3 pages"), "\(run.output)") }
        // Two documents kept, once each; of the refused file, nothing.
        #expect(try await s11.query("SELECT name FROM document ORDER BY id", in: store) == ["Safeguarding policy 2026.pdf", "Training record.docx"])
        #expect(try await s11.query("SELECT COUNT(*) FROM documentContent", in: store) == ["2"])
        #expect(try await s11.query("SELECT name, reason FROM documentRefusal", in: store).first?.hasPrefix("training.txt|a virus scanner named it: Eicar-") == true)
    }

    @Test func aScannerAndNoScanTogetherAreRefused() async throws {
        let s11 = try S11Binary()
        let refused = try await s11.run(["serve", "--db", "none.sqlite", "--clamd-socket", "/run/clamd.sock", "--no-scan"])
        #expect(refused.status == 1 && refused.stderr.contains("--clamd-socket and --no-scan say opposite things; give one"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s11.folder.appendingPathComponent("none.sqlite").path))
    }
}
