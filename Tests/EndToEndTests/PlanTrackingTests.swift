import Foundation
import Testing

/// The plan through the year and into the next: updates with history, overdue actions, version
/// bumps, then next year's draft carrying the unfinished actions forward.
@Suite struct PlanTrackingTests {
    let org = "Riverside District Council"

    /// Opens `year`'s audit in the same database, with the example returns re-dated to that year.
    func auditWithReturns(_ s11: S11Binary, year: Int) async throws {
        try await s11.succeed(["audit", "open", "--org", org, "--year", String(year), "--db", s11.db, "--content", S11Binary.content])
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--org", org, "--year", String(year), "--db", s11.db])
        let returns = try S11Binary.exampleReturns.map { path in
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "year=\"2026\"", with: "year=\"\(year)\"")
            return try s11.write(text, to: "\(year)-\(URL(fileURLWithPath: path).lastPathComponent)")
        }
        try await s11.succeed(["responses", "import"] + returns + ["--org", org, "--year", String(year), "--db", s11.db])
    }

    @Test func aPlanIsTrackedThroughTheYearThenCarriedIntoTheNext() async throws {
        let s11 = try S11Binary()
        try await auditWithReturns(s11, year: 2026)
        let this = ["--org", org, "--year", "2026", "--db", s11.db]
        try await s11.succeed(["plan", "draft", "--date", "2026-11-23"] + this)

        let done = try await s11.succeed(["plan", "update", "--action", "A1.1", "--status", "B", "--progress", "Lead member briefed",
                                    "--by", "Margaret Okafor"] + this)
        #expect(done.stdout.contains("status none -> B"))
        try await s11.succeed(["plan", "update", "--action", "A2.1", "--status", "A", "--due", "2027-09-30", "--by", "Margaret Okafor"] + this)
        let same = try await s11.run(["plan", "update", "--action", "A2.1", "--status", "A", "--by", "Margaret Okafor"] + this)
        #expect(same.status == 1)
        #expect(same.stderr.contains("error: nothing changes for A2.1"))
        let unknown = try await s11.run(["plan", "update", "--action", "A999.1", "--status", "G", "--by", "X"] + this)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no action 'A999.1'"))

        // On 15 July 2027 the actions due by 30 June are overdue, except the completed A1.1.
        let overdue = try await s11.succeed(["plan", "show", "--overdue", "--on", "2027-07-15"] + this).stdout
        #expect(overdue.contains("overdue on 2027-07-15"))
        #expect(!overdue.contains("A1.1 "))
        #expect(!overdue.contains("A2.1 "))                          // moved to September
        #expect(try await s11.succeed(["plan", "show", "--overdue", "--on", "2027-01-02"] + this).stdout.contains("no actions are overdue"))

        let bumped = try await s11.succeed(["plan", "version", "--note", "Signed off by cabinet", "--major", "--by", "Margaret Okafor",
                                      "--date", "2027-01-20"] + this)
        #expect(bumped.stdout.contains("version 1.0"))
        let xml = try await s11.succeed(["plan", "export"] + this).stdout
        #expect(xml.contains("<version>1.0</version>"))
        #expect(xml.contains("author=\"Margaret Okafor\">Signed off by cabinet</revision>"))
        #expect(xml.contains("field=\"status\""))
        #expect(xml.contains("<new>B</new>"))

        // Next year: the 2026 plan in the store carries forward without being named.
        try await auditWithReturns(s11, year: 2027)
        let next = ["--org", org, "--year", "2027", "--db", s11.db]
        let drafted = try await s11.succeed(["plan", "draft", "--date", "2027-11-20"] + next)
        #expect(drafted.stdout.contains("unfinished actions carried forward, 1 completed in the appendix"))
        let nextXML = try await s11.succeed(["plan", "export"] + next).stdout
        #expect(nextXML.contains("<carried plan=\"Safeguarding Action Plan January 2027 - December 2027\" action=\"A2.1\" originalDue=\"2027-09-30\"/>"))
        #expect(nextXML.contains("<completed>"))
        #expect(nextXML.contains("Lead member briefed"))
        let text = try await s11.succeed(["plan", "show"] + next).stdout
        #expect(text.contains("Completed actions from the previous plan"))

        // The OSCAL-style POA&M: every objective an item, the recorded changes in the risk log,
        // valid against the shipped poam.xsd by validators that did not write it.
        try await s11.succeed(["plan", "export", "--format", "poam", "--out", "poam.xml"] + this)
        let poamPath = s11.folder.appendingPathComponent("poam.xml").path
        let poam = try String(contentsOfFile: poamPath, encoding: .utf8)
        #expect(poam.components(separatedBy: "<poam-item ").count - 1 == xml.components(separatedBy: "<objective ").count - 1)
        #expect(poam.contains("<risk-log>"))
        #expect(poam.contains("<p>Margaret Okafor changed status from none to B.</p>"))
        #expect(poam.contains("<on-date date=\"2027-09-30T00:00:00Z\"/>"))
        try await expectValid(poamPath, schema: "poam.xsd")
        // The same plan gives the same bytes.
        #expect(try await s11.succeed(["plan", "export", "--format", "poam"] + this).stdout == poam)

        // Committee formats: a printable page and a Word document (which needs a file to go to).
        let page = try await s11.succeed(["plan", "export", "--format", "html"] + next).stdout
        #expect(page.contains("Completed actions from the previous plan"))
        #expect(page.contains("Carried from Safeguarding Action Plan January 2027 - December 2027 (A2.1, due 30 September 2027)"))
        let noFile = try await s11.run(["plan", "export", "--format", "docx"] + next)
        #expect(noFile.status == 1)
        #expect(noFile.stderr.contains("give --out FILE.docx"))
        try await s11.succeed(["plan", "export", "--format", "docx", "--out", "plan.docx"] + next)
        let docx = try Data(contentsOf: s11.folder.appendingPathComponent("plan.docx"))
        #expect(docx.prefix(2) == Data("PK".utf8))                      // a zip package

        let csv = try await s11.succeed(["plan", "export", "--format", "csv"] + next).stdout
        #expect(csv.hasPrefix("standard,standard_title,objective,"))
        #expect(csv.contains(",A2.1,2027-09-30"))                     // carried: original id and due date
    }
}
