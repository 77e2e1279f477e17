import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import S11TestSupport
import Testing

/// `s11 round`: the board opens the round from the members list (all rows or none), each lead's
/// invitation reaches a real SMTP server through msmtp and its link opens the password page, and
/// an organisation submits to the board once a return is in.
@Suite(.serialized) struct RoundCLITests {
    static let members = """
        organisation,sector,lead_name,lead_email
        Riverside District Council,Local authority,Margaret Okafor,margaret.okafor@riverside.example
        Thames Valley Police,Police,Sam Reed,sam.reed@tvp.example
        """

    func open(_ s11: S11Binary, _ extra: [String] = []) async throws -> S11Binary.Result {
        try await s11.run(["round", "open", "--board", "Oxfordshire Safeguarding Children Partnership", "--year", "2026", "--deadline", "2026-12-15",
                     "--members", try s11.write(Self.members, to: "members.csv"), "--by", "Board business unit",
                     "--content", S11Binary.content, "--db", s11.db] + extra)
    }

    @Test func aBadListOpensNothingAndSaysWhere() async throws {
        let s11 = try S11Binary()
        let bad = try await s11.run(["round", "open", "--board", "B", "--year", "2026", "--deadline", "2026-12-15", "--by", "X",
                               "--members", try s11.write("organisation,sector,lead_name,lead_email\nA,,Ann,ann.example\n", to: "bad.csv"),
                               "--content", S11Binary.content, "--db", s11.db])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv:2:3: error: row 2: the sector is empty"))
        #expect(bad.stderr.contains("bad.csv:2:8: error: row 2: 'ann.example' is not an e-mail address"))
        #expect(try await s11.succeed(["round", "list", "--db", s11.db]).stdout.contains("no rounds yet"))
        #expect(try await s11.succeed(["audit", "list", "--db", s11.db]).stdout.contains("no audits yet"))
    }

    @Test func anOrganisationWithAnAuditAlreadyRefusesTheWholeRound() async throws {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", "Thames Valley Police", "--year", "2026", "--content", S11Binary.content, "--db", s11.db])
        let refused = try await open(s11)
        #expect(refused.status == 1 && refused.stderr.contains("Thames Valley Police already has its 2026 audit on this catalogue (oscb-osab-joint)"), "\(refused.stderr)")
        #expect(try await s11.succeed(["audit", "list", "--db", s11.db]).stdout.components(separatedBy: "\n").filter { $0.contains("2026") }.count == 1)
    }

    @Test func aLeadWhoSignsInForAnotherOrganisationOrAsTheBoardRefusesTheWholeRound() async throws {
        let s11 = try S11Binary()
        #expect(try await s11.run(["admin", "create", "--email", "sam.reed@tvp.example", "--org", "Hillside Borough Council", "--db", s11.db],
                            input: "correct horse battery staple\n").status == 0)
        let refused = try await open(s11)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("sam.reed@tvp.example already signs in for Hillside Borough Council, so cannot lead Thames Valley Police"))
        #expect(try await s11.succeed(["audit", "list", "--db", s11.db]).stdout.contains("no audits yet"))
        #expect(try await s11.run(["admin", "create", "--email", "sam.reed@tvp.example", "--board", "Oxfordshire Safeguarding Children Partnership", "--db", s11.db],
                            input: "correct horse battery staple\n").status == 0)
        let board = try await open(s11)
        #expect(board.status == 1 && board.stderr.contains("already signs in as a board user"))
    }

    @Test func theRoundIsFollowedAndAnOrganisationSubmitsOnceAReturnIsIn() async throws {
        let s11 = try S11Binary()
        let opened = try await open(s11)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("for 2 organisations, due 15 December 2026"))
        #expect(opened.stdout.contains("http://127.0.0.1:8080/admin/welcome/"))
        let early = try await s11.run(["round", "submit", "--org", "Thames Valley Police", "--year", "2026", "--by", "Sam Reed", "--db", s11.db])
        #expect(early.status == 1 && early.stderr.contains("no officers are named yet, so there is nothing to submit"))

        try await s11.succeed(["officers", "import", try s11.write("name,email,role,service_area\nKim Ng,kim.ng@tvp.example,dso,Another service area\n", to: "o.csv"),
                         "--org", "Thames Valley Police", "--year", "2026", "--db", s11.db])
        let template = try await s11.succeed(["responses", "template", "--officer", "kim.ng@tvp.example", "--org", "Thames Valley Police",
                                        "--year", "2026", "--db", s11.db]).stdout
        try await s11.succeed(["responses", "import", try s11.write(template.replacingOccurrences(of: "option=\"\"", with: "option=\"fully\"").replacingOccurrences(of: "<evidence></evidence>", with: "<evidence>Policy on the intranet</evidence>"), to: "kim.xml"),
                         "--org", "Thames Valley Police", "--year", "2026", "--db", s11.db])
        try await s11.succeed(["round", "submit", "--org", "Thames Valley Police", "--year", "2026", "--by", "Sam Reed", "--db", s11.db])
        let status = try await s11.succeed(["round", "status", "--round", "1", "--on", "2026-12-20", "--db", s11.db]).stdout
        #expect(status.contains("0 not started, 0 in progress, 1 submitted to the board, 1 overdue"))
        #expect(status.contains("Thames Valley Police") && status.contains("1/1"))
        // What the police submitted, by requirement: every answer Fully met, so 100% and no gap.
        let csv = try await s11.succeed(["round", "export", "--round", "1", "--db", s11.db]).stdout
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.dropFirst().first?.hasPrefix("Thames Valley Police,Police,overall,,100,") == true, "\(csv.prefix(300))")
        #expect(lines.dropFirst(2).first?.hasPrefix("Thames Valley Police,Police,standard,S1,") == true)   // then each standard and its requirements
        #expect(!csv.contains(",yes\r\n"))
        #expect(!csv.contains("Riverside District Council"))
        // The whole round as XML, valid against round.xsd (xmlschema and xmllint too).
        try await s11.succeed(["round", "export", "--round", "1", "--format", "xml", "--out", "round.xml", "--db", s11.db])
        let xmlPath = s11.folder.appendingPathComponent("round.xml").path
        try await expectValid(xmlPath, schema: "round.xsd")
        let xml = try String(contentsOfFile: xmlPath, encoding: .utf8)
        #expect(xml.contains("<round xmlns=\"urn:s11:round:1\" schemaVersion=\"1\" board=\"Oxfordshire Safeguarding Children Partnership\" year=\"2026\""))
        #expect(xml.contains("stage=\"submitted\" officers=\"1\" returns=\"1\""))
        #expect(xml.contains("<overall percent=\"100.0\""))
        // A challenge event: its panel scores a requirement on the scale; the letter says so.
        let event = try await s11.succeed(["round", "event", "--round", "1", "--title", "Police challenge", "--on", "2027-01-20",
                                     "--panel", "Jo Smith; Raj Patel", "--org", "Thames Valley Police", "--by", "Board business unit", "--db", s11.db])
        #expect(event.stdout.contains("scheduled event 1, Police challenge, on 20 January 2027 for 1 organisation"))
        try await s11.succeed(["moderate", "--org", "Thames Valley Police", "--year", "2026", "--requirement", "S2.1", "--score", "mostly",
                         "--reason", "Policy review overdue", "--by", "Police challenge panel", "--db", s11.db])
        let letter = try await s11.succeed(["round", "letter", "--event", "1", "--org", "Thames Valley Police", "--db", s11.db]).stdout
        #expect(letter.hasPrefix("Dear Sam Reed,"))
        #expect(letter.contains("- Requirement S2.1: self-assessed 100% Green, moderated to Amber (score mostly). Policy review overdue"), "\(letter)")
        // The board report, with what the event changed, as a page and as a Word document.
        let report = try await s11.succeed(["round", "export", "--round", "1", "--format", "html", "--db", s11.db]).stdout
        #expect(report.contains("<h2 id=\"section-1\">At a glance</h2>") && report.contains("Police challenge, 20 January 2027. Panel: Jo Smith, Raj Patel."))
        #expect(report.contains("self rating to Amber (score mostly)"))
        try await s11.succeed(["round", "export", "--round", "1", "--format", "docx", "--out", "report.docx", "--db", s11.db])
        #expect(try Data(contentsOf: s11.folder.appendingPathComponent("report.docx")).prefix(2) == Data("PK".utf8))
        #expect(letter.contains("Please send the board your action plan for these areas by 17 March 2027."))
        let twice = try await s11.run(["round", "submit", "--org", "Thames Valley Police", "--year", "2026", "--by", "Sam Reed", "--db", s11.db])
        #expect(twice.status == 1 && twice.stderr.contains("the self-assessment is already with the board"))
        let notHeld = try await s11.run(["round", "return", "--org", "Riverside District Council", "--year", "2026", "--reason", "x", "--by", "B", "--db", s11.db])
        #expect(notHeld.status == 1 && notHeld.stderr.contains("the board does not hold this self-assessment, so there is nothing to return"))
        let noPanel = try await s11.run(["round", "event", "--round", "1", "--title", "Empty", "--on", "2027-01-20", "--panel", " ; ",
                                   "--org", "Thames Valley Police", "--by", "B", "--db", s11.db])
        #expect(noPanel.status == 1 && noPanel.stderr.contains("name the panel, separated by semicolons"))
        let outsider = try await s11.run(["round", "letter", "--event", "1", "--org", "Riverside District Council", "--db", s11.db])
        #expect(outsider.status == 1 && outsider.stderr.contains("that organisation is not challenged at Police challenge"))
        // Held by the board: the officers cannot change; returned, they can.
        let held = try await s11.run(["officers", "import", try s11.write("name,email,role,service_area\nLee Wu,lee.wu@tvp.example,dso,Another service area\n", to: "o2.csv"),
                                "--org", "Thames Valley Police", "--year", "2026", "--db", s11.db])
        #expect(held.status == 1 && held.stderr.contains("submitted this self-assessment to the board, which holds it"))
        try await s11.succeed(["round", "return", "--org", "Thames Valley Police", "--year", "2026", "--reason", "Evidence for S3 missing",
                         "--by", "Board business unit", "--db", s11.db])
        try await s11.succeed(["officers", "import", s11.folder.appendingPathComponent("o2.csv").path, "--org", "Thames Valley Police", "--year", "2026", "--db", s11.db])
    }

    @Test(.needs(.msmtp, .aiosmtpd)) func eachLeadsInvitationReachesTheServerAndItsLinkWorks() async throws {
        let s11 = try S11Binary()
        let smtp = try SMTPServer()
        defer { smtp.stop() }
        let sendmail = try MailDeliveryTests().msmtpSettings(s11, port: smtp.port)
        let port = freeLoopbackPort()
        let base = "http://127.0.0.1:\(port)"
        let opened = try await open(s11, ["--send", "--sendmail", sendmail, "--base-url", base])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("sent  Thames Valley Police  sam.reed@tvp.example"))
        let messages = try await smtp.received()
        #expect(messages.count == 2)
        let message = try #require(messages.first { $0["to"] == "Sam Reed <sam.reed@tvp.example>" })
        #expect(message["subject"] == "Oxfordshire Safeguarding Children Partnership: the 2026 safeguarding self-assessment for Thames Valley Police")
        let link = try #require(message["body"]?.split(separator: "\n").first { $0.hasPrefix("\(base)/admin/welcome/") })
        let (server, _, _) = try await ServeTests().startServer(s11, port: port, db: s11.db)
        defer { if server.isRunning { server.terminate() } }
        let (page, response) = try await URLSession.shared.data(from: try #require(URL(string: String(link))))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("You lead Thames Valley Police's safeguarding self-assessment"))
    }
}
