import Foundation
import S11TestSupport
import Testing

/// Oxford City Council's published 2021-22 plan, transcribed into s11's board XML, goes through
/// every door: import, export in every format, and its completed actions in the appendix.
@Suite struct SeedPlanTests {
    let seed = S11Binary.example("plans/oxford-city-2021-22.xml")

    @Test func theTranscribedSeedImportsAndExportsToEveryFormat() throws {
        let s11 = try S11Binary()
        let imported = try s11.succeed(["plan", "import", seed, "--db", s11.db])
        #expect(imported.stdout.contains("for Oxford City Council (2020 audit): 24 objectives, 24 actions"))

        let xml = try s11.succeed(["plan", "export", "--db", s11.db]).stdout
        try s11.succeed(["plan", "import", try s11.write(xml, to: "again.xml"), "--replace", "--db", s11.db])
        #expect(try s11.succeed(["plan", "export", "--db", s11.db]).stdout == xml)
        #expect(xml.components(separatedBy: "<action id=\"C").count - 1 == 19)
        #expect(xml.contains("<timescale>Quarterly meetings</timescale>"))

        let text = try s11.succeed(["plan", "show", "--db", s11.db]).stdout
        #expect(text.contains("Completed actions from the previous plan"))
        #expect(text.contains("Taxi licensing"))

        let html = try s11.succeed(["plan", "export", "--format", "html", "--db", s11.db]).stdout
        #expect(html.contains("<h2 id=\"completed\">Completed actions from the previous plan</h2>"))
        #expect(html.contains("Impact: Best practice in taxi licensing and safeguarding responsibilities."))
        #expect(html.contains("Quarterly meetings (by 31 January 2022)"))

        try s11.succeed(["plan", "export", "--format", "csv", "--out", "seed.csv", "--db", s11.db])
        let rows = try runTool("/usr/bin/env", ["python3", "-c", """
            import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='')))
            print(len(rows), rows[0]['lead'], rows[0]['timescale'], rows[3]['action_input'][:18])
            """, s11.folder.appendingPathComponent("seed.csv").path])
        #expect(rows.output == "24 Dani Granito Quarterly meetings Produce a newslett\n")

        try s11.succeed(["plan", "export", "--format", "poam", "--out", "seed-poam.xml", "--db", s11.db])
        try expectValid(s11.folder.appendingPathComponent("seed-poam.xml").path, schema: "poam.xsd")
        // Every text of every action row of the seed's plan (action, outcome, measure, lead,
        // timescale in words, progress) is in the POA&M, line by line; 24 of its 120 lines were
        // missing before (the timescales in words). The previous plan's completed actions are
        // not POA&M items.
        let kept = try runTool("/usr/bin/env", ["python3", "-c", """
            import sys, xml.etree.ElementTree as ET
            seed = ET.parse(sys.argv[1]).getroot()
            poam = ' '.join(' '.join(ET.parse(sys.argv[2]).getroot().itertext()).split())
            texts = [' '.join(line.split()) for standard in seed.findall('{urn:s11:plan:1}standard')
                     for a in standard.iter('{urn:s11:plan:1}action')
                     for f in ('input', 'outcome', 'measure', 'lead', 'timescale', 'progress')
                     for e in a.findall('{urn:s11:plan:1}' + f) if e.text for line in e.text.splitlines() if line.strip()]
            missing = [t for t in texts if t not in poam]
            print(len(texts), len(missing), missing[:3])
            """, seed, s11.folder.appendingPathComponent("seed-poam.xml").path])
        #expect(kept.output.hasPrefix("120 0 "), "\(kept.output)")
        try s11.succeed(["plan", "export", "--format", "docx", "--out", "seed.docx", "--db", s11.db])
        #expect(try Data(contentsOf: s11.folder.appendingPathComponent("seed.docx")).count > 5_000)
    }

    @Test func carryingAnotherOrganisationsPlanForwardIsRefused() throws {
        let s11 = try S11Binary()
        try s11.succeed(["audit", "open", "--org", "Riverside District Council", "--year", "2026", "--db", s11.db,
                         "--content", S11Binary.content])
        try s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        try s11.succeed(["responses", "import"] + S11Binary.exampleReturns + ["--db", s11.db])
        let refused = try s11.run(["plan", "draft", "--previous", seed, "--db", s11.db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is Oxford City Council's plan, not Riverside District Council's"))
    }

    @Test func carryingAPlanFromAnotherYearForwardIsRefusedUnlessOnPurpose() throws {
        let s11 = try S11Binary()
        // The seed is Oxford City Council's plan from its 2020 audit; 2022's audit comes two years on.
        try s11.succeed(["audit", "open", "--org", "Oxford City Council", "--year", "2022", "--db", s11.db, "--content", S11Binary.content])
        let officers = try String(contentsOfFile: S11Binary.example("officers.csv"), encoding: .utf8)
        try s11.succeed(["officers", "import", try s11.write(officers, to: "officers.csv"), "--db", s11.db])
        let returns = try S11Binary.exampleReturns.enumerated().map { index, path in
            try s11.write(try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "Riverside District Council", with: "Oxford City Council")
                .replacingOccurrences(of: "year=\"2026\"", with: "year=\"2022\""), to: "return-\(index).xml")
        }
        try s11.succeed(["responses", "import"] + returns + ["--db", s11.db])
        let refused = try s11.run(["plan", "draft", "--previous", seed, "--db", s11.db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("it is the plan from the 2020 audit, and the audit being planned is 2022's"))
        #expect(refused.stderr.contains("--any-year"))
        let drafted = try s11.succeed(["plan", "draft", "--previous", seed, "--any-year", "--db", s11.db])
        #expect(drafted.stdout.contains("unfinished actions carried forward"))
    }
}
