import Foundation
import S11TestSupport
import Testing

/// A Pan-Cheshire style content, made by editing Standards/ and Surveys/ only (Tests/Fixtures/pan-cheshire):
/// a 0-3 score for self and moderated ratings, bands at 67% and 34%, no Blue. Its scores are
/// worked by hand, and a panel's moderated score of 2 in place of a self score of 1 changes the
/// moderated percentages, beside the self ones.
@Suite struct PanCheshireContentTests {
    static let content = S11Binary.packageRoot.appendingPathComponent("Tests/Fixtures/pan-cheshire").path

    func ret(_ email: String, _ scores: [(String, Int)]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <return xmlns="urn:s11:return:1" organisation="Cheshire West and Chester Council" year="2026" officer="\(email)">
        \(scores.map { "  <answer question=\"\($0.0)\" option=\"score-\($0.1)\"><evidence>Board minutes</evidence></answer>" }.joined(separator: "\n"))
        </return>
        """
    }

    /// The card's figures as "id percent band" lines, from `s11 score --format json`.
    func figures(_ s11: S11Binary) async throws -> String {
        let json = try s11.write(try await s11.succeed(["score", "--format", "json", "--db", s11.db]).stdout, to: "card.json")
        return try await runTool("/usr/bin/env", ["python3", "-c", """
            import json, sys
            card = json.load(open(sys.argv[1]))['scorecard']
            def line(name, rating, moderated):
                out = f"{name} {rating.get('percent', 0):.2f} {rating.get('rag')}"
                return out + (f" moderated {moderated.get('percent', 0):.2f} {moderated.get('rag')}" if moderated else "")
            print(line('overall', card['overall'], card.get('moderatedOverall')))
            for s in card['standards']:
                print(line(s['standardID'], s['rating'], s.get('moderatedRating')))
                for r in s['requirements']:
                    print(line(r['requirementID'], r['rating'], r.get('moderatedRating')))
            """, json]).output
    }

    @Test func itsScoresAreTheHandWorkedOnesAndAPanelsScoreMovesTheModeratedPercentages() async throws {
        let s11 = try S11Binary()
        try await s11.succeed(["check", "--content", Self.content])
        try await s11.succeed(["audit", "open", "--org", "Cheshire West and Chester Council", "--year", "2026", "--content", Self.content, "--db", s11.db])
        try await s11.succeed(["officers", "import", try s11.write("""
            name,email,role,service_area
            Ann Ash,ann@cwac.example,senior-lead,Adults
            Bo Birch,bo@cwac.example,senior-lead,Children
            """, to: "officers.csv"), "--db", s11.db])
        try await s11.succeed(["responses", "import", try s11.write(ret("ann@cwac.example", [("PQ1.1", 1), ("PQ1.2", 2), ("PQ2.1", 3)]), to: "ann.xml"),
                         try s11.write(ret("bo@cwac.example", [("PQ1.1", 1), ("PQ1.2", 3), ("PQ2.1", 2)]), to: "bo.xml"), "--db", s11.db])
        // By hand: PC1.1 (1+1)/2 of 3 = 33.33% Red (below 34); PC1.2 (2+3)/2 = 83.33% Green; PC2.1 83.33% Green;
        // PC1 = (33.33 + 83.33) / 2 = 58.33% Amber; PC2 = 83.33% Green; overall (58.33 + 83.33) / 2 = 70.83% Green.
        #expect(try await figures(s11) == """
            overall 70.83 green
            PC1 58.33 amber
            PC1.1 33.33 red
            PC1.2 83.33 green
            PC2 83.33 green
            PC2.1 83.33 green

            """)
        // The panel scores PC1.1 at 2 (66.67%, Amber): PC1 moderated (66.67 + 83.33) / 2 = 75.00% Green,
        // overall moderated (75.00 + 83.33) / 2 = 79.17%; the self figures stay beside them.
        let moderated = try await s11.succeed(["moderate", "--requirement", "PC1.1", "--score", "2", "--reason", "Board minutes seen at the challenge event",
                                         "--by", "Pan-Cheshire panel", "--db", s11.db])
        #expect(moderated.stdout.contains("requirement PC1.1: self-assessed Red (33.3%), moderated none -> Amber (score score-2)"), "\(moderated.stdout)")
        #expect(moderated.stdout.contains("overall: self-assessed 70.8%, moderated 79.2%"), "\(moderated.stdout)")
        #expect(try await figures(s11) == """
            overall 70.83 green moderated 79.17 green
            PC1 58.33 amber moderated 75.00 green
            PC1.1 33.33 red moderated 66.67 amber
            PC1.2 83.33 green
            PC2 83.33 green
            PC2.1 83.33 green

            """)
        // The moderated percentages beside the self ones in the scorecard's CSV and its text table too, not only the JSON.
        let csv = try await s11.succeed(["score", "--format", "csv", "--db", s11.db]).stdout.split(separator: "\r\n")
        #expect(csv.first?.hasPrefix("level,id,title,service_area,percent,rag,moderated_percent,moderated_rag,") == true)
        #expect(csv.contains { $0.hasPrefix("organisation,,") && $0.contains(",70.8,green,79.2,green,") })
        #expect(csv.contains { $0.hasPrefix("standard,PC1,") && $0.contains(",58.3,amber,75,green,") })
        #expect(csv.contains { $0.hasPrefix("requirement,PC1.1,") && $0.contains(",33.3,red,66.7,amber,") })
        let table = try await s11.succeed(["score", "--requirements", "--db", s11.db]).stdout
        #expect(table.contains("79.2% Green") && table.contains("75% Green") && table.contains("66.7% Amber"), "\(table)")
        let page = try await s11.succeed(["score", "--format", "html", "--db", s11.db]).stdout
        #expect(page.contains("; moderated 79.2%") && page.contains(">75%"), "the HTML scorecard's overall and PC1, moderated")
        // The plan's results table carries PC1's moderated percentage, in its XML (valid) and in the page a committee reads.
        try await s11.succeed(["plan", "draft", "--date", "2026-11-23", "--db", s11.db])
        let planXML = try await s11.succeed(["plan", "export", "--out", "plan.xml", "--db", s11.db])
        #expect(planXML.status == 0)
        let xmlPath = s11.folder.appendingPathComponent("plan.xml").path
        #expect(try String(contentsOfFile: xmlPath, encoding: .utf8).contains("ref=\"PC1\" title=") )
        #expect(try String(contentsOfFile: xmlPath, encoding: .utf8).contains("moderatedPercent=\"75\" moderatedRag=\"green\""))
        try await expectValid(xmlPath, schema: "plan.xsd")
        #expect(try await s11.succeed(["plan", "export", "--format", "html", "--db", s11.db]).stdout.contains(">75% Green</td>"))
        let wrong = try await s11.run(["moderate", "--requirement", "PC1.1", "--score", "5", "--reason", "x", "--by", "panel", "--db", s11.db])
        #expect(wrong.status == 1 && wrong.stderr.contains("'5' is not on requirement PC1.1's scale; its options are score-3, score-2, score-1, score-0"))
        let standard = try await s11.run(["moderate", "--standard", "PC1", "--score", "2", "--reason", "x", "--by", "panel", "--db", s11.db])
        #expect(standard.status == 1 && standard.stderr.contains("a standard has no single scale, so --score is for a requirement"))
        let trail = try await s11.succeed(["moderate", "--trail", "--db", s11.db]).stdout
        #expect(trail.contains("requirement PC1.1 none -> Amber (score none -> score-2): Board minutes seen at the challenge event"))
    }
}
