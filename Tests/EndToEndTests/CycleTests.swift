import Foundation
import Testing

/// A whole audit cycle through the CLI, as a council's safeguarding lead runs it.
@Suite struct CycleTests {
    let org = "Riverside District Council"

    func openedAudit() async throws -> S11Binary {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", org, "--year", "2026", "--db", s11.db, "--content", S11Binary.content])
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        return s11
    }

    @Test func fullCycleProducesAValidPlanThatRoundTrips() async throws {
        let s11 = try await openedAudit()
        let invite = try await s11.succeed(["invite", "--out", "links", "--db", s11.db])
        #expect(invite.stdout.contains("issued"))
        let links = try String(contentsOf: s11.folder.appendingPathComponent("links/links.csv"), encoding: .utf8)
        #expect(links.contains("/r/"))
        let returns = S11Binary.exampleReturns
        #expect(returns.count >= 5)
        try await s11.succeed(["responses", "import"] + returns + ["--db", s11.db])

        let status = try await s11.succeed(["audit", "status", "--db", s11.db])
        #expect(status.stdout.contains("\(returns.count) of"))
        #expect(status.stdout.contains("not started"))

        let json = try await s11.succeed(["score", "--format", "json", "--db", s11.db])
        let score = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let card = try #require(score["scorecard"] as? [String: Any])
        #expect(card["organisation"] as? String == org)
        #expect(card["returns"] as? Int == returns.count)
        let gaps = try #require(score["gaps"] as? [[String: Any]])
        #expect(!gaps.isEmpty)

        let table = try await s11.succeed(["score", "--db", s11.db])
        #expect(table.stdout.contains("Organisation"))
        #expect(table.stdout.contains("Not applicable"))

        try await s11.succeed(["plan", "draft", "--date", "2026-11-23", "--db", s11.db])
        try await s11.succeed(["plan", "export", "--format", "xml", "--out", "plan.xml", "--db", s11.db])
        let planPath = s11.folder.appendingPathComponent("plan.xml").path
        let plan = try String(contentsOfFile: planPath, encoding: .utf8)
        #expect(plan.contains("<documentControl>"))
        // Every gap is in the plan: an objective, up to the limit, or an area kept under review.
        let objectives = plan.components(separatedBy: "<objective ").count - 1
        #expect(objectives == min(gaps.count, 20))
        #expect(objectives + plan.components(separatedBy: "<area ").count - 1 == gaps.count)

        try await expectValid(planPath, schema: "plan.xsd")

        // Import into a fresh database and export again: the same bytes.
        let other = try S11Binary()
        try await other.succeed(["plan", "import", planPath, "--db", other.db])
        let again = try await other.succeed(["plan", "export", "--format", "xml", "--db", other.db])
        #expect(again.stdout == plan)
        // Importing twice is refused without --replace, allowed with it.
        #expect(try await other.run(["plan", "import", planPath, "--db", other.db]).status == 1)
        try await other.succeed(["plan", "import", planPath, "--replace", "--db", other.db])
    }

    /// One list of service areas: the officers' areas on the scorecard are the names the staff chose from.
    @Test func officersAndStaffNameTheSameServiceAreas() async throws {
        let s11 = try await openedAudit()
        try await s11.succeed(["responses", "import"] + S11Binary.exampleReturns + ["--db", s11.db])
        try await s11.succeed(["responses", "import", "--staff", S11Binary.example("staff/surveymonkey-2026.csv"), "--db", s11.db])
        let json = try await s11.succeed(["score", "--format", "json", "--db", s11.db])
        let score = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let card = try #require(score["scorecard"] as? [String: Any])
        let officerAreas = Set(try #require(card["serviceAreas"] as? [[String: Any]]).compactMap { $0["serviceArea"] as? String })
        let staff = try #require(score["staff"] as? [String: Any])
        let staffAreas = Set(try #require(staff["serviceAreas"] as? [[String: Any]]).compactMap { $0["label"] as? String })
        #expect(officerAreas == ["Housing and homelessness", "Community services", "Corporate services", "Leisure and culture"])
        #expect(officerAreas.isSubset(of: staffAreas))
        // An area by its short name is stored as the content names it; one the content lacks is refused with the list.
        try await s11.succeed(["officers", "import", try s11.write("name,email,role,service_area\nAl Ash,al@riverside.example,dso,Housing\n", to: "h.csv"),
                         "--db", s11.db])
        #expect(try await s11.succeed(["audit", "status", "--db", s11.db]).stdout.contains("Housing and homelessness"))
        let refused = try await s11.run(["officers", "import", try s11.write("name,email,role,service_area\nAl Ash,al@riverside.example,dso,Parks\n", to: "o.csv"),
                                   "--db", s11.db])
        #expect(refused.status == 1 && refused.stderr.contains("'Parks' is not one of the service areas; use one of: Housing and homelessness,"))
    }

    /// The first example officer's template, every question answered Mostly met with evidence.
    func filledTemplate(_ s11: S11Binary) async throws -> String {
        let officers = try String(contentsOfFile: S11Binary.example("officers.csv"), encoding: .utf8)
        let email = try #require(officers.split(separator: "\n").dropFirst().first?.split(separator: ",")[1]).trimmingCharacters(in: .whitespaces)
        try await s11.succeed(["responses", "template", "--officer", email, "--out", "mine.xml", "--db", s11.db])
        var text = try String(contentsOf: s11.folder.appendingPathComponent("mine.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "option=\"\"", with: "option=\"mostly\"")
        text = text.replacingOccurrences(of: "<evidence></evidence>", with: "<evidence>Board minutes</evidence>")
        return text.replacingOccurrences(of: "<evidence/>", with: "<evidence>Board minutes</evidence>")
    }

    @Test func theTemplateRoundTripsThroughImport() async throws {
        let s11 = try await openedAudit()
        let text = try await filledTemplate(s11)
        let path = try s11.write(text, to: "filled.xml")
        let imported = try await s11.succeed(["responses", "import", path, "--db", s11.db])
        #expect(imported.stdout.contains("1 complete and submitted"))
        let table = try await s11.succeed(["score", "--db", s11.db])
        #expect(table.stdout.contains("1 return scored"))
    }

    /// A file's return keeps the same rules as the web form's: evidence the survey requires is
    /// missing, so it is stored but not submitted, and is not scored until the officer finishes it.
    @Test func aFileReturnWithoutRequiredEvidenceIsKeptInProgress() async throws {
        let s11 = try await openedAudit()
        var text = try await filledTemplate(s11)
        let first = try #require(text.range(of: "<evidence>Board minutes</evidence>"))
        text.replaceSubrange(first, with: "")                                      // one answer's evidence left out
        let imported = try await s11.succeed(["responses", "import", try s11.write(text, to: "filled.xml"), "--db", s11.db])
        #expect(imported.stdout.contains("0 complete and submitted, 1 in progress"), "\(imported.stdout)")
        #expect(try await s11.succeed(["score", "--db", s11.db]).stdout.contains("0 returns scored"))
    }

    @Test func theExampleRunsAWholeCycle() async throws {
        let s11 = try S11Binary()
        let result = try await s11.run(["example", "--out", "example", "--content", S11Binary.content])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("example/plan.xml"))
        #expect(FileManager.default.fileExists(atPath: s11.folder.appendingPathComponent("example/plan.xml").path))
        // Running it again starts afresh rather than failing on the existing audit.
        #expect(try await s11.run(["example", "--out", "example", "--content", S11Binary.content]).status == 0)
    }
}
