import Foundation
import S11App
import S11Core
import S11Scan
import S11Store
import S11TestSupport
import Testing
import ZIPFoundation
@testable import S11Web

/// An officer attaches evidence documents to an answer through their link: each checked from its
/// own bytes, scanned by ClamAV's daemon (with a signature file the test writes), kept in the
/// store and read back only by whoever may.
@Suite(.serialized, .needs(.clamd)) struct EvidencePagesTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// A small Word document: a ZIP archive holding word/document.xml.
    static func word() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create, pathEncoding: nil)
        for (path, text) in [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), provider: { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            })
        }
        return [UInt8](try #require(archive.data))
    }

    /// Runs `body` as a browser against the fixture's app with `settings`' documents (a scanner, limits).
    func run(_ fixture: WebFixture, scanner: (any VirusScanner)?, limits: DocumentLimits = .standard,
             _ body: @Sendable (Browser) async throws -> Void) async throws {
        let settings = AppSettings(mailFolder: fixture.mailFolder.path, contentRoot: WebFixture.packageRoot, scanner: scanner, documentLimits: limits)
        let app = try await WebApp(app: S11App(store: fixture.store, settings: settings), passwords: PasswordChecks(),
                                   throttle: SignInThrottle(firstWait: 60), refusalDelay: .zero)
        try await body(Browser(client: RouterClient(app: app)))
    }

    /// Riverside's audit and its lead, Hillside's with its own lead, and a board user.
    func fixture() async throws -> WebFixture {
        let (fixture, _) = try await OrganisationScopeTests().twoOrganisations()
        try await fixture.store.accounts.save(email: "lead@hillside.example", passwordHash: CoordinatorPassword.hash(OrganisationScopeTests.password, cost: 4),
                                              organisation: "Hillside Borough Council")
        return fixture
    }

    func question(_ fixture: WebFixture) throws -> String { try #require(fixture.questions(for: "owen.price@riverside.example").first).id }

    @Test func anOfficerAttachesAPDFAndAWordFileWhichOnlyTheyAndTheirCoordinatorDownload() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let fixture = try await fixture()
        let question = try question(fixture), owen = fixture.owen, word = try Self.word()
        let scanner = ClamdScanner(socketPath: clamd.socketPath)
        var ids: [Int64] = []
        try await run(fixture, scanner: scanner) { browser in
            // From the answer's page: "Attach documents" saves what is typed, then opens its documents.
            let section = try await browser.get("/r/\(owen)/s/1")
            #expect(section.body.contains("Documents attached: none yet"))
            let attach = try await browser.post("/r/\(owen)/s/1", [("evidence.\(question)", "Policy, see attached"), ("attach", question)],
                                                csrf: section.csrf)
            #expect(attach.location == "/r/\(owen)/documents?question=\(question)")
            #expect(try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id).answers
                .first { $0.questionID == question }?.evidence == "Policy, see attached")
            let page = try await browser.get(try #require(attach.location))
            #expect(page.body.contains("No documents are attached to this answer yet") && page.body.contains("type=\"file\" id=\"files\" name=\"files\" multiple"))
            #expect(page.body.contains("Each is checked for viruses before it is kept."))
            let sent = try await browser.upload("/r/\(owen)/documents?question=\(question)",
                                                files: [("files", "C:\\Users\\owen\\policy 2026.pdf", Self.pdf), ("files", "minutes.docx", word)],
                                                csrf: page.csrf)
            #expect(sent.status == .ok && sent.body.contains("Attached: policy 2026.pdf, minutes.docx."), "\(sent.body)")
            #expect(sent.body.contains("<td>PDF</td>") && sent.body.contains("<td>Word document</td>"))
            #expect(try await browser.get("/r/\(owen)/s/1").body.contains("Documents attached: policy 2026.pdf (\(Self.pdf.count) bytes), minutes.docx ("))
        }
        let documents = try await fixture.store.documents.documents(auditID: fixture.audit.id)
        #expect(documents.map(\.name) == ["policy 2026.pdf", "minutes.docx"] && documents.map(\.type) == [.pdf, .word])
        ids = documents.map(\.id)
        let (pdfID, wordID) = (ids[0], ids[1])
        try await run(fixture, scanner: scanner) { browser in
            // The officer downloads their own, as an attachment never shown in the page.
            let own = try await browser.get("/r/\(owen)/documents/\(pdfID)")
            #expect(own.status == .ok && own.headers[.contentType] == "application/pdf")
            #expect(own.headers[.contentDisposition] == "attachment; filename=\"policy 2026.pdf\"; filename*=UTF-8''policy%202026.pdf")
            #expect(own.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(try await browser.getBytes("/r/\(owen)/documents/\(wordID)") == word)
            // Another officer's link does not reach it.
            let gareth = try #require(fixture.links["gareth.lloyd@riverside.example"])
            #expect(try await browser.get("/r/\(gareth)/documents/\(pdfID)").status == .notFound)
        }
        try await run(fixture, scanner: scanner) { browser in
            try await CoordinatorTests().signIn(browser)
            let officerReturn = try await browser.get("/admin/audits/\(fixture.audit.id)/officers/return?email=owen.price%40riverside.example")
            #expect(officerReturn.body.contains("<a href=\"/admin/audits/\(fixture.audit.id)/documents/\(pdfID)\" download>policy 2026.pdf</a>"))
            #expect(try await browser.getBytes("/admin/audits/\(fixture.audit.id)/documents/\(pdfID)") == Self.pdf)
            // The evidence bundle: a folder per standard and requirement, and its index.
            let zip = try await browser.getBytes("/admin/audits/\(fixture.audit.id)/downloads/evidence.zip")
            let bundle = try Archive(data: Data(zip), accessMode: .read, pathEncoding: nil)
            let paths = bundle.map(\.path)
            let pdfPath = try #require(paths.first { $0.hasSuffix("/policy 2026.pdf") })
            #expect(paths.count == 3 && paths.contains { $0.hasSuffix("/minutes.docx") } && paths.contains("index.csv"), "\(paths)")
            var read = Data()
            _ = try bundle.extract(try #require(bundle[pdfPath])) { read += $0 }
            #expect([UInt8](read) == Self.pdf)
            var index = Data()
            _ = try bundle.extract(try #require(bundle["index.csv"])) { index += $0 }
            let lines = String(decoding: index, as: UTF8.self).split(separator: "\r\n")
            #expect(lines.first == "file,requirement,service_area,uploaded,sha256" && lines.count == 3)
            #expect(lines.contains { $0.hasPrefix("\(pdfPath),") && $0.contains(",Leisure and Culture,") && $0.hasSuffix(documents[0].sha256) })
        }
        // Another organisation's coordinator, and a board user, get 404.
        for email in ["lead@hillside.example", "chair@board.example"] {
            try await run(fixture, scanner: scanner) { browser in
                try await OrganisationScopeTests().signIn(browser, as: email)
                #expect(try await browser.get("/admin/audits/\(fixture.audit.id)/documents/\(pdfID)").status == .notFound, "\(email)")
            }
        }
        // Removed: off the answer, and its bytes gone from the store.
        try await run(fixture, scanner: scanner) { browser in
            let page = try await browser.get("/r/\(owen)/documents?question=\(question)")
            let removed = try await browser.post("/r/\(owen)/documents/remove", [("question", question), ("document", "\(wordID)")], csrf: page.csrf)
            #expect(removed.location == "/r/\(owen)/documents?question=\(question)")
        }
        #expect(try await fixture.store.documents.storedBytes().bytes == Int64(Self.pdf.count))
        // Answered and submitted, the answer's documents are named beside it where it is moderated.
        try await fixture.store.returns.saveAnswers([Answer(questionID: question, choice: .option("mostly"), evidence: "Policy, see attached")],
                                                    officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        let _: [String] = try await fixture.store.returns.submit(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id) { _ in [] }
        let requirement = try #require(fixture.questions(for: "owen.price@riverside.example").first).requirementID
        try await run(fixture, scanner: scanner) { browser in
            try await CoordinatorTests().signIn(browser)
            let item = try await browser.get("/admin/audits/\(fixture.audit.id)/moderation/item?scope=requirement%3A\(requirement)")
            #expect(item.body.contains("<span class=\"hint\">Documents:</span> <a href=\"/admin/audits/\(fixture.audit.id)/documents/\(pdfID)\" download>policy 2026.pdf</a>;"),
                    "\(item.body)")
            let scorecard = try await browser.get("/admin/audits/\(fixture.audit.id)/scorecard")
            #expect(scorecard.body.contains("(Owen Price): Mostly met; documents: policy 2026.pdf"), "\(scorecard.body)")
        }
        let trail = try await fixture.store.trail.entries(auditID: fixture.audit.id).filter { $0.subject == .document }
        #expect(trail.map { "\($0.field ?? ""): \($0.old ?? $0.new ?? "")" }
                == ["attached: policy 2026.pdf (PDF, \(Self.pdf.count) bytes)", "attached: minutes.docx (Word document, \(DocumentLimits.words(Int64(word.count))))",
                    "removed: minutes.docx"])
    }

    @Test func aFileTheScannerNamesIsRefusedAndNothingOfItIsKept() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let fixture = try await fixture()
        let question = try question(fixture), owen = fixture.owen
        try await run(fixture, scanner: ClamdScanner(socketPath: clamd.socketPath)) { browser in
            let page = try await browser.get("/r/\(owen)/documents?question=\(question)")
            let refused = try await browser.upload("/r/\(owen)/documents?question=\(question)",
                                                   files: [("files", "training.txt", Array(ClamdServer.eicar.utf8))], csrf: page.csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("training.txt was not kept: a virus scanner named it: Eicar-Test-Signature"), "\(refused.body)")
        }
        #expect(try await fixture.store.documents.storedBytes() == (0, 0))
        #expect(try await fixture.store.documents.documents(auditID: fixture.audit.id).isEmpty)
        let refusal = try #require(try await fixture.store.trail.entries(auditID: fixture.audit.id).last { $0.subject == .document })
        #expect(refusal.field == "refused" && refusal.old == "training.txt" && refusal.new?.hasPrefix("a virus scanner named it: Eicar-Test-Signature") == true)
        #expect(refusal.who == "owen.price@riverside.example (their link)")
    }

    @Test func aFileOverTheLimitAKindNotTakenAndAFormWithoutItsTokenAreRefusedAndNothingKept() async throws {
        let clamd = try ClamdServer()
        defer { clamd.stop() }
        let fixture = try await fixture()
        let question = try question(fixture), owen = fixture.owen
        let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("s11-uploads")
        let spooledBefore = (try? FileManager.default.contentsOfDirectory(atPath: uploads.path).count) ?? 0
        try await run(fixture, scanner: ClamdScanner(socketPath: clamd.socketPath)) { browser in
            let page = try await browser.get("/r/\(owen)/documents?question=\(question)")
            let large = try await browser.upload("/r/\(owen)/documents?question=\(question)",
                                                 files: [("files", "scan.pdf", Self.pdf + [UInt8](repeating: 0x20, count: 25_000_000))], csrf: page.csrf)
            #expect(large.status == .contentTooLarge && large.body.contains("scan.pdf is larger than 20 MB, the most one document can be"))
            let program = try await browser.upload("/r/\(owen)/documents?question=\(question)",
                                                   files: [("files", "policy.pdf", Array("MZ\u{90}\u{0}\u{3}".utf8) + [UInt8](repeating: 0, count: 200))],
                                                   csrf: page.csrf)
            #expect(program.status == .unprocessableContent && program.body.contains("policy.pdf is not a kind of file s11 keeps. Send a PDF, Word"))
            let forged = try await browser.upload("/r/\(owen)/documents?question=\(question)", files: [("files", "policy.pdf", Self.pdf)],
                                                  csrf: "forged")
            #expect(forged.status == .forbidden)
            let nothing = try await browser.upload("/r/\(owen)/documents?question=\(question)", files: [("files", "", [])], csrf: page.csrf)
            #expect(nothing.status == .unprocessableContent && nothing.body.contains("Choose at least one file to attach"))
        }
        #expect(try await fixture.store.documents.storedBytes() == (0, 0))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: uploads.path).count) ?? 0) <= spooledBefore)   // no spool left behind
    }

    @Test func aServerWithoutAScannerTakesNoDocumentsAndSaysSo() async throws {
        let fixture = try await fixture()
        let question = try question(fixture), owen = fixture.owen
        try await run(fixture, scanner: nil) { browser in
            let page = try await browser.get("/r/\(owen)/documents?question=\(question)")
            #expect(page.body.contains("This server takes no documents: it has no virus scanner to check them") && !page.body.contains("type=\"file\""))
            let refused = try await browser.upload("/r/\(owen)/documents?question=\(question)", files: [("files", "policy.pdf", Self.pdf)],
                                                   csrf: page.csrf)
            #expect(refused.status == .conflict)
        }
        #expect(try await fixture.store.documents.storedBytes() == (0, 0))
    }

    /// Next year, the officer finds last year's document on the answer, marked, and keeps it.
    @Test func lastYearsDocumentIsOfferedAndKept() async throws {
        let fixture = try await fixture()
        let question = try question(fixture)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("s11-carry-\(UUID().uuidString)")
        try Data(Self.pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await fixture.store.documents.attach(DocumentStore.Upload(contents: file, name: "policy 2026.pdf", type: .pdf, size: Int64(Self.pdf.count),
                                                                          sha256: String(repeating: "e1", count: 32)),
                                                     questionID: question, officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id,
                                                     by: "owen", limits: .standard)
        let files = try await fixture.store.audits.pinnedFiles(auditID: fixture.audit.id).map { (kind: $0.kind, path: $0.path, data: Data($0.data)) }
        let next = try await fixture.store.audits.open(organisation: fixture.audit.organisation, year: 2027, files: files, carryFrom: fixture.audit,
                                                       questionIDs: [question])
        let token = try #require(try await fixture.store.officers.issueInvitations(auditID: next.id, reissue: false)
            .first { $0.officer.email == "owen.price@riverside.example" }?.token)
        try await run(fixture, scanner: nil) { browser in
            let section = try await browser.get("/r/\(token)/s/1").body
            #expect(section.contains("policy 2026.pdf (\(Self.pdf.count) bytes, last year&#39;s: keep it or remove it)"), "\(section)")
            let page = try await browser.get("/r/\(token)/documents?question=\(question)")
            #expect(page.body.contains("<span class=\"tag\">Last year") && page.body.contains("action=\"/r/\(token)/documents/keep\""))
            let id = try #require(try await fixture.store.documents.documents(auditID: next.id).first?.id)
            let kept = try await browser.post("/r/\(token)/documents/keep", [("question", question), ("document", "\(id)")], csrf: page.csrf)
            #expect(kept.location == "/r/\(token)/documents?question=\(question)")
            #expect(!(try await browser.get("/r/\(token)/documents?question=\(question)").body.contains("<span class=\"tag\">Last year")))
        }
        #expect(try await fixture.store.documents.documents(auditID: next.id).first?.carried == false)
    }
}
