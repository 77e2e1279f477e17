import Foundation
import S11TestSupport
import Testing

/// `s11 responses import` with documents: a return names files from its own folder (or from its
/// folder in a ZIP), each checked and scanned by ClamAV's daemon as one attached in the browser
/// is; one that cannot be kept refuses the whole import, and nothing of it is stored.
@Suite(.serialized, .needs(.clamd)) struct ReturnDocumentsImportTests {
    static let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    static let register = "name,trained on\nAsha Patel,2026-03-02\n"
    static let changedEvidence = "nobody reviews them for safeguarding; the comment card policy is attached."

    /// Owen's example return, naming `files` for his answer to Q4.1 (whose evidence it changes),
    /// written as `name` in the test's folder; its path.
    @discardableResult
    func owensReturn(_ s11: S11Binary, naming files: [String], as name: String = "in/owen-price.xml") throws -> String {
        let text = try String(contentsOfFile: S11Binary.example("returns/owen-price.xml"), encoding: .utf8)
        let named = "<documents>" + files.map { "<document file=\"\($0)\"/>" }.joined() + "</documents>"
        let changed = text.replacingOccurrences(of: "nobody reviews them for safeguarding.</evidence>",
                                                with: "\(Self.changedEvidence)</evidence>\n    \(named)")
        #expect(changed != text)
        return try write(changed, to: name, in: s11)
    }

    @discardableResult
    func write(_ text: String, to name: String, in s11: S11Binary) throws -> String {
        let url = s11.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A ZIP of the test's folder's `files` (paths in it as given), made by Python's zipfile.
    func zip(_ s11: S11Binary, _ files: [String], to name: String) async throws -> String {
        let script = "import zipfile,sys,os\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n    for f in sys.argv[2:]: z.write(f, f)"
        let made = try await runTool("/usr/bin/env", ["sh", "-c", "cd \"$1\" && shift && python3 -c \"$@\"", "sh", s11.folder.path, script, name] + files)
        #expect(made.status == 0, "\(made.output)")
        return s11.folder.appendingPathComponent(name).path
    }

    func documents(_ s11: S11Binary, _ store: String) async throws -> [String] {
        try await s11.query("SELECT name, type, questionID FROM document ORDER BY id", in: store)
    }

    /// Owen's evidence for Q4.1 as stored: whether an import's return was kept.
    func owensEvidence(_ s11: S11Binary, _ store: String) async throws -> String {
        try await s11.query("""
            SELECT evidence FROM answer JOIN officer ON officer.id = answer.officerID
            WHERE officer.email = 'owen.price@riverside.example' AND answer.questionID = 'Q4.1'
            """, in: store).joined()
    }

    @Test func documentsBesideAReturnAreScannedKeptOnceAndNamedInItsTemplate() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        try write(Self.pdf, to: "in/evidence/policy.pdf", in: s11)
        try write(Self.register, to: "in/evidence/training register.csv", in: s11)
        let file = try owensReturn(s11, naming: ["evidence/policy.pdf", "evidence/training register.csv"])
        let imported = try await s11.run(["responses", "import", file, "--db", store, "--clamd-socket", clamd.socketPath])
        #expect(imported.status == 0 && imported.stdout.contains("imported 1 return"), "\(imported.stderr)")
        #expect(try await documents(s11, store) == ["policy.pdf|pdf|Q4.1", "training register.csv|text|Q4.1"])
        #expect(try await owensEvidence(s11, store).contains(Self.changedEvidence))
        let sha = try await s11.query("SELECT sha256 FROM document WHERE name = 'policy.pdf'", in: store).joined()
        #expect(try await runTool("/usr/bin/env", ["sha256sum", s11.folder.appendingPathComponent("in/evidence/policy.pdf").path]).output.hasPrefix(sha))

        let again = try await s11.run(["responses", "import", file, "--db", store, "--clamd-socket", clamd.socketPath])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try await documents(s11, store).count == 2)                        // the same bytes, kept once
        let template = try await s11.run(["responses", "template", "--officer", "owen.price@riverside.example", "--db", store])
        #expect(template.stdout.contains("Attached already: policy.pdf, training register.csv"), "\(template.stderr)")
    }

    @Test func aZipHoldsTheReturnsAndTheDocumentsTheyName() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        try write(Self.pdf, to: "returns/evidence/policy.pdf", in: s11)
        try write(Self.register, to: "returns/evidence/register.csv", in: s11)      // a CSV named as a document is not read as a return
        try owensReturn(s11, naming: ["evidence/policy.pdf", "evidence/register.csv"], as: "returns/owen-price.xml")
        let zip = try await zip(s11, ["returns/owen-price.xml", "returns/evidence/policy.pdf", "returns/evidence/register.csv"], to: "returns.zip")
        let imported = try await s11.run(["responses", "import", zip, "--db", store, "--clamd-socket", clamd.socketPath])
        #expect(imported.status == 0 && imported.stdout.contains("imported 1 return"), "\(imported.stderr)")
        #expect(try await documents(s11, store) == ["policy.pdf|pdf|Q4.1", "register.csv|text|Q4.1"])
        #expect(try await owensEvidence(s11, store).contains(Self.changedEvidence))
    }

    @Test func aDocumentThatCannotBeKeptRefusesTheWholeImportAndNothingIsStored() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        try write(ClamdServer.eicar, to: "in/evidence/training.txt", in: s11)
        try write("\u{7F}ELF\u{02}\u{01}\u{01}" + String(repeating: "\u{0}", count: 200), to: "in/evidence/tool.pdf", in: s11)
        try FileManager.default.createSymbolicLink(atPath: s11.folder.appendingPathComponent("in/evidence/link.pdf").path, withDestinationPath: "/etc/hostname")
        try write(String(repeating: "0", count: 25_000_000), to: "big/evidence/big.pdf", in: s11)
        try owensReturn(s11, naming: ["evidence/big.pdf"], as: "big/owen-price.xml")
        let bigZip = try await zip(s11, ["big/owen-price.xml", "big/evidence/big.pdf"], to: "big.zip")
        let cases: [(files: [String], file: String, socket: String, refusal: String)] = [
            (["evidence/missing.pdf"], "in/owen-price.xml", clamd.socketPath, "there is no file 'evidence/missing.pdf' beside the return"),
            (["../outside.pdf"], "in/owen-price.xml", clamd.socketPath, "the document '../outside.pdf' leaves the return's folder"),
            (["evidence/link.pdf"], "in/owen-price.xml", clamd.socketPath, "the document 'evidence/link.pdf' leads outside the return's folder"),
            (["evidence/tool.pdf"], "in/owen-price.xml", clamd.socketPath, "tool.pdf is not a kind of file s11 keeps"),
            (["evidence/training.txt"], "in/owen-price.xml", clamd.socketPath, "training.txt was not kept: a virus scanner named it: Eicar-Test-Signature"),
            (["evidence/training.txt"], "in/owen-price.xml", s11.folder.appendingPathComponent("no-clamd.sock").path,
             "training.txt could not be checked for viruses, so it was not kept"),
            ([], bigZip, clamd.socketPath, "big.pdf is larger than 20 MB, the most one document can be"),
        ]
        for refused in cases {
            let file = refused.files.isEmpty ? refused.file : try owensReturn(s11, naming: refused.files)
            let result = try await s11.run(["responses", "import", file, "--db", store, "--clamd-socket", refused.socket])
            #expect(result.status != 0, "\(refused.refusal)")
            #expect(result.stderr.contains("owen-price.xml:") && result.stderr.contains(": error: \(refused.refusal)"), "\(result.stderr)")
            #expect(try await documents(s11, store).isEmpty)
            #expect(try await !owensEvidence(s11, store).contains(Self.changedEvidence))
        }
        let missingZip = try await s11.run(["responses", "import", "nowhere.zip", "--db", store, "--clamd-socket", clamd.socketPath])
        #expect(missingZip.status != 0 && missingZip.stderr.contains("nowhere.zip:1:1: error: cannot read the file: no such file"), "\(missingZip.stderr)")
        // The scanner's refusal is recorded: who (the return file), when, the name it gave.
        let refusals = try await s11.query("SELECT officerEmail, name, reason FROM documentRefusal", in: store)
        #expect(refusals.count == 1 && refusals[0].hasPrefix("owen.price@riverside.example|training.txt|a virus scanner named it: Eicar-Test-Signature"),
                "\(refusals)")
        #expect(try await s11.query("SELECT COUNT(*) FROM documentContent", in: store) == ["0"])
    }
}
