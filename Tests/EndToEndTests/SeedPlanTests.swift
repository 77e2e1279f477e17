import Foundation
import S11TestSupport
import Testing

/// Oxford City Council's published plans (2021-22 and 2015-16), transcribed into s11's board XML,
/// go through every door: import, export in every format and back byte for byte; and a plan in
/// the version 1 format is upgraded.
@Suite struct SeedPlanTests {
    let seed = S11Binary.example("plans/oxford-city-2021-22.xml")

    @Test func theTranscribedSeedImportsAndExportsToEveryFormat() async throws {
        let s11 = try S11Binary()
        let imported = try await s11.succeed(["plan", "import", seed, "--db", s11.db])
        #expect(imported.stdout.contains("for Oxford City Council (2020 audit): 24 objectives, 24 actions"))

        let xml = try await s11.succeed(["plan", "export", "--db", s11.db]).stdout
        #expect(xml.components(separatedBy: "<action id=\"C").count - 1 == 21)
        #expect(xml.contains("<timescale>Quarterly meetings</timescale>"))

        let text = try await s11.succeed(["plan", "show", "--db", s11.db]).stdout
        #expect(text.contains("Completed actions from the previous plan"))
        #expect(text.contains("Taxi licensing"))
        #expect(text.contains("Key influences: Corporate Plan; The Safeguarding Self-Assessment Audit;"))

        let html = try await s11.succeed(["plan", "export", "--format", "html", "--db", s11.db]).stdout
        #expect(html.contains("<h2 id=\"completed\">Completed actions from the previous plan</h2>"))
        #expect(html.contains("Impact: Best practice in taxi licensing and safeguarding responsibilities."))
        #expect(html.contains("<td>Quarterly meetings</td>"))                      // the seed's words, with no date it never gave
        #expect(html.contains("<li>Oxfordshire Safeguarding Adults (OSAB) Business Plan</li>"))
        #expect(html.contains("<p>Dani Granito</p><p>Laura Jones</p>"))             // two leads, each named

        // One CSV row per action and lead: O2's action has two leads.
        try await s11.succeed(["plan", "export", "--format", "csv", "--out", "seed.csv", "--db", s11.db])
        let rows = try await runTool("/usr/bin/env", ["python3", "-c", """
            import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='')))
            print(len(rows), len({r['action'] for r in rows}), rows[0]['lead'], rows[0]['timescale'], rows[1]['lead'], rows[2]['lead'], rows[1]['action'] == rows[2]['action'])
            """, s11.folder.appendingPathComponent("seed.csv").path])
        #expect(rows.output == "34 24 Dani Granito Quarterly meetings Dani Granito Laura Jones True\n")

        try await s11.succeed(["plan", "export", "--format", "poam", "--out", "seed-poam.xml", "--db", s11.db])
        try await expectValid(s11.folder.appendingPathComponent("seed-poam.xml").path, schema: "poam.xsd")
        // Every text of every action row of the seed's plan (action, outcome, measure, each lead,
        // timescale in words, progress) is in the POA&M, line by line. The previous plan's
        // completed actions are not POA&M items.
        let kept = try await runTool("/usr/bin/env", ["python3", "-c", """
            import sys, xml.etree.ElementTree as ET
            n = '{urn:s11:plan:2}'
            seed = ET.parse(sys.argv[1]).getroot()
            poam = ' '.join(' '.join(ET.parse(sys.argv[2]).getroot().itertext()).split())
            texts = [' '.join(line.split()) for standard in seed.findall(n + 'standard')
                     for a in standard.iter(n + 'action')
                     for e in [a.find(n + f) for f in ('input', 'outcome', 'measure', 'timescale', 'progress')] if e is not None and e.text
                     for line in e.text.splitlines() if line.strip()]
            texts += [lead.get('name') for standard in seed.findall(n + 'standard') for lead in standard.iter(n + 'lead')]
            missing = [t for t in texts if t not in poam]
            print(len(texts), len(missing), missing[:3])
            """, seed, s11.folder.appendingPathComponent("seed-poam.xml").path])
        #expect(kept.output.hasPrefix("130 0 "), "\(kept.output)")
        try await s11.succeed(["plan", "export", "--format", "docx", "--out", "seed.docx", "--db", s11.db])
        #expect(try Data(contentsOf: s11.folder.appendingPathComponent("seed.docx")).count > 5_000)
    }

    /// Both seeds, transcribed with every column they have and nothing they do not (no invented
    /// due dates, owners or versions; several leads as several leads), import and export again
    /// byte for byte.
    @Test(arguments: ["plans/oxford-city-2021-22.xml", "plans/oxford-city-2015-16.xml"])
    func aSeedTranscriptionRoundTripsByteForByte(_ file: String) async throws {
        let s11 = try S11Binary()
        let path = S11Binary.example(file)
        try await s11.succeed(["plan", "import", path, "--db", s11.db])
        let exported = try await s11.succeed(["plan", "export", "--out", "again.xml", "--db", s11.db])
        #expect(exported.status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try Data(contentsOf: s11.folder.appendingPathComponent("again.xml")) == original)
        try await expectValid(path, schema: "plan.xsd")
        let text = String(decoding: original, as: UTF8.self)
        #expect(!text.contains("<due>"), "neither seed gives a due date, only words")
        #expect(!text.contains(" / "), "leads written as one string")
    }

    /// The 2015-16 seed: learning points under no standard, an action's evidence as its measure
    /// and no desired outcome, each row's own progress and status, the document control with a
    /// revision dated only "19 March", and the plan's key influences.
    @Test func theLearningPointsSeedKeepsItsOwnColumns() async throws {
        let s11 = try S11Binary()
        let imported = try await s11.succeed(["plan", "import", S11Binary.example("plans/oxford-city-2015-16.xml"), "--db", s11.db])
        #expect(imported.stdout.contains("Safeguarding Action Plan 2015-16 for Oxford City Council (2014 audit): 7 objectives, 39 actions"))
        let text = try await s11.succeed(["plan", "show", "--db", s11.db]).stdout
        #expect(text.contains("Objectives under no standard"))
        #expect(text.contains("Lead: Simon Howick; Val Johnson · April May 2015 On-going"))
        #expect(text.contains("1 19 March: Circulated to Tim Sadler"))
        #expect(text.contains("Key influences: The Section 11 Self-Assessment Audit;"))
        // Judged by the words: "Feb/March 2015" is overdue in May 2015 unless done; "On-going" is due at the plan's end.
        let overdue = try await s11.succeed(["plan", "show", "--overdue", "--on", "2015-05-15", "--db", s11.db]).stdout
        #expect(overdue.contains("LP2.9 [A] due 2015-03-31"))
        #expect(!overdue.contains("LP1.1 "))
        // One of the two leads records their own status and progress.
        let updated = try await s11.succeed(["plan", "update", "--action", "LP1.6", "--for", "Jennifer Kotilaine", "--status", "G",
                                       "--progress", "Leaflet reprinted", "--by", "Val Johnson", "--db", s11.db])
        #expect(updated.stdout.contains("status none -> Jennifer Kotilaine: G"))
        #expect(try await s11.succeed(["plan", "show", "--db", s11.db]).stdout.contains("Lead: Val Johnson; Jennifer Kotilaine [G] (Leaflet reprinted) · On-going"))
        let notALead = try await s11.run(["plan", "update", "--action", "LP1.6", "--for", "Tim Sadler", "--status", "G", "--by", "Val Johnson", "--db", s11.db])
        #expect(notALead.status == 1 && notALead.stderr.contains("LP1.6 has no lead 'Tim Sadler'; its leads are Val Johnson; Jennifer Kotilaine"))
        try await s11.succeed(["plan", "export", "--format", "docx", "--out", "seed.docx", "--db", s11.db])
        try await s11.succeed(["plan", "export", "--format", "html", "--out", "seed.html", "--db", s11.db])
        let html = try String(contentsOf: s11.folder.appendingPathComponent("seed.html"), encoding: .utf8)
        #expect(html.contains("<th scope=\"col\">Status</th>"))                     // the seed tracks status
        #expect(html.contains("<th scope=\"row\">Notes</th><td>Draft for approval at CEB Report</td>"))
    }

    /// A version 1 file, as s11 wrote before, imports and is upgraded: leads s11 joined with ";"
    /// become leads of their own, the due date stays; the export is version 2 and valid.
    @Test func aVersion1PlanImportsAndExportsAsVersion2() async throws {
        let s11 = try S11Binary()
        let v1 = S11Binary.packageRoot.appendingPathComponent("Tests/Fixtures/oxford-city-2021-22-v1.xml").path
        #expect(try String(contentsOfFile: v1, encoding: .utf8).contains("xmlns=\"urn:s11:plan:1\" schemaVersion=\"1\""))
        let imported = try await s11.succeed(["plan", "import", v1, "--db", s11.db])
        #expect(imported.stdout.contains("24 objectives, 24 actions"))
        try await s11.succeed(["plan", "export", "--out", "v2.xml", "--db", s11.db])
        let out = s11.folder.appendingPathComponent("v2.xml").path
        try await expectValid(out, schema: "plan.xsd")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<plan xmlns=\"urn:s11:plan:2\" schemaVersion=\"2\">"))
        #expect(xml.contains("<owner>Laura Jones</owner>") && xml.contains("<due>2022-01-31</due>"))     // kept as the file said

        let joined = try s11.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <plan xmlns="urn:s11:plan:1" schemaVersion="1"><organisation>Riverside District Council</organisation>
            <title>Plan</title><auditYear>2026</auditYear><period start="2027-01-01" end="2027-12-31"/>
            <documentControl><owner>O</owner><author>A</author><version>0.1</version><lastReviewed>2026-11-01</lastReviewed>
            <nextReviewDue>2027-05-01</nextReviewDue><history><revision version="0.1" date="2026-11-01" author="A">Drafted</revision></history></documentControl>
            <standard ref="S1" title="Leadership"><objective id="O1"><title>Named lead</title><action id="A1.1"><input>Name a lead</input>
            <outcome>Known</outcome><measure>List</measure><lead>Cara Cole (Housing); Ben Birch (Children's Services)</lead><due>2027-06-30</due>
            </action></objective></standard></plan>
            """, to: "joined.xml")
        try await s11.succeed(["plan", "import", joined, "--db", s11.db])
        let upgraded = try await s11.succeed(["plan", "export", "--org", "Riverside District Council", "--year", "2026", "--db", s11.db]).stdout
        #expect(upgraded.contains("<lead name=\"Cara Cole\" serviceArea=\"Housing\"/>"))
        #expect(upgraded.contains("<lead name=\"Ben Birch\" serviceArea=\"Children's Services\"/>"))
    }

    @Test func carryingAnotherOrganisationsPlanForwardIsRefused() async throws {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", "Riverside District Council", "--year", "2026", "--db", s11.db,
                         "--content", S11Binary.content])
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        try await s11.succeed(["responses", "import"] + S11Binary.exampleReturns + ["--db", s11.db])
        let refused = try await s11.run(["plan", "draft", "--previous", seed, "--db", s11.db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is Oxford City Council's plan, not Riverside District Council's"))
    }

    @Test func carryingAPlanFromAnotherYearForwardIsRefusedUnlessOnPurpose() async throws {
        let s11 = try S11Binary()
        // The seed is Oxford City Council's plan from its 2020 audit; 2022's audit comes two years on.
        try await s11.succeed(["audit", "open", "--org", "Oxford City Council", "--year", "2022", "--db", s11.db, "--content", S11Binary.content])
        let officers = try String(contentsOfFile: S11Binary.example("officers.csv"), encoding: .utf8)
        try await s11.succeed(["officers", "import", try s11.write(officers, to: "officers.csv"), "--db", s11.db])
        let returns = try S11Binary.exampleReturns.enumerated().map { index, path in
            try s11.write(try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "Riverside District Council", with: "Oxford City Council")
                .replacingOccurrences(of: "year=\"2026\"", with: "year=\"2022\""), to: "return-\(index).xml")
        }
        try await s11.succeed(["responses", "import"] + returns + ["--db", s11.db])
        let refused = try await s11.run(["plan", "draft", "--previous", seed, "--db", s11.db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("it is the plan from the 2020 audit, and the audit being planned is 2022's"))
        #expect(refused.stderr.contains("--any-year"))
        let drafted = try await s11.succeed(["plan", "draft", "--previous", seed, "--any-year", "--db", s11.db])
        #expect(drafted.stdout.contains("unfinished actions carried forward"))
    }
}
