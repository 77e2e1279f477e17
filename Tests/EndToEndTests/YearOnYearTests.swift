import Foundation
import Testing

/// Next year's audit starting from this year's answers, and movement between the two.
@Suite struct YearOnYearTests {
    let org = "Riverside District Council"

    @Test func lastYearsAnswersAreStartingValuesUntilConfirmedAndMovementIsShown() async throws {
        let s11 = try S11Binary()
        let y2026 = ["--org", org, "--year", "2026", "--db", s11.db]
        let y2027 = ["--org", org, "--year", "2027", "--db", s11.db]
        try await s11.succeed(["audit", "open", "--org", org, "--year", "2026", "--db", s11.db, "--content", S11Binary.content])
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv")] + y2026)
        try await s11.succeed(["responses", "import"] + S11Binary.exampleReturns + y2026)

        let opened = try await s11.succeed(["audit", "open", "--org", org, "--year", "2027", "--from-last", "--db", s11.db,
                                      "--content", S11Binary.content])
        #expect(opened.stdout.contains("from 2026: 10 officers,"))
        let status = try await s11.succeed(["audit", "status"] + y2027).stdout
        #expect(status.contains("0 of 10 officers have submitted"))     // carried answers are not a return
        #expect(status.contains("in progress (53 carried)"))              // Claire Dunmore's 53 answers
        #expect(try await s11.run(["plan", "draft"] + y2027).stderr.contains("no submitted returns"))

        // Claire opens her form: last year's answers are there, marked as carried.
        try await s11.succeed(["responses", "template", "--officer", "claire.dunmore@riverside.example", "--out", "claire.xml"] + y2027)
        var form = try String(contentsOf: s11.folder.appendingPathComponent("claire.xml"), encoding: .utf8)
        #expect(form.contains("year=\"2027\""))
        #expect(form.contains("Carried from last year's return"))
        #expect(!form.contains("option=\"\""))                            // every question has last year's answer
        // She improves on safeguarding leads (S3.1, Q3.1) and confirms the rest by returning the form.
        let before = try #require(form.range(of: "<answer question=\"Q3.1\" option=\""))
        let optionEnd = try #require(form[before.upperBound...].firstIndex(of: "\""))
        form.replaceSubrange(before.upperBound..<optionEnd, with: "fully")
        try await s11.succeed(["responses", "import", try s11.write(form, to: "claire-2027.xml")] + y2027)
        let after = try await s11.succeed(["audit", "status"] + y2027).stdout
        #expect(after.contains("1 of 10 officers have submitted"))
        #expect(!after.contains("Claire Dunmore    claire.dunmore@riverside.example    Head of service  in progress"))

        let compared = try await s11.succeed(["score", "--compare", "2026"] + y2027).stdout
        #expect(compared.contains("Movement since 2026"))
        #expect(compared.contains("points"))
        let json = try await s11.succeed(["score", "--format", "json", "--compare", "2026"] + y2027).stdout
        let score = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(score["comparedWith"] as? Int == 2026)
        let movement = try #require(score["movement"] as? [[String: Any]])
        #expect(movement.count == 11)

        // Nothing to carry from is refused, and opens nothing.
        let none = try await s11.run(["audit", "open", "--org", org, "--year", "2030", "--from-last", "--db", s11.db,
                                "--content", S11Binary.content])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no audit for \(org) 2029"))
        #expect(!(try await s11.succeed(["audit", "list", "--db", s11.db]).stdout.contains("2030")))
    }
}
