import Foundation
import S11TestSupport
import Testing

/// The plan drafted for the example council is of the seeds' size: what a council acts on in a
/// year, each action written once, and a Word plan a committee can read.
@Suite struct ExamplePlanTests {
    @Test func theDraftedPlanKeepsToTheLimitWithNoRepeatedActionAndTheRestUnderReview() async throws {
        let s11 = try S11Binary()
        _ = try await s11.example()
        let check = try await runTool("/usr/bin/env", ["python3", "-c", """
            import collections, re, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            ns = '{urn:s11:plan:2}'
            inputs = [e.text for e in root.iter(ns + 'input')]
            repeated = [t for t, n in collections.Counter(inputs).items() if n > 1]
            words = len(re.findall(r"\\w+", ' '.join(t.strip() for t in root.itertext())))
            parts = [[lead.get('supporting') == 'true' for lead in action.findall(ns + 'lead')] for action in root.iter(ns + 'action')]
            unaccountable = sum(1 for named in parts if named.count(False) != 1 or named.count(True) > 2)
            print(len(list(root.iter(ns + 'objective'))), len(repeated), len(list(root.iter(ns + 'area'))), words, unaccountable)
            """, s11.folder.appendingPathComponent("ex/plan.xml").path])
        let figures = check.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.count == 5, "\(check.output)")
        guard figures.count == 5 else { return }
        #expect(figures[0] == 20, "objectives")
        #expect(figures[1] == 0, "actions whose text repeats another's")
        #expect(figures[2] > 0, "gaps kept under review")
        // Each finding names its requirement and quotes an officer's evidence, and the summary
        // gives the priorities with why; the Word plan still fits ten pages (`theWordPlanPrintsOnNoMoreThanTenPages`).
        #expect(figures[3] <= 3_000, "words in the board XML")
        #expect(figures[4] == 0, "actions without exactly one accountable lead, or with more than two named with them")
        // The text plan opens with the board's summary too: results worst first, then the priorities, before any standard.
        let text = try String(contentsOf: s11.folder.appendingPathComponent("ex/plan.txt"), encoding: .utf8)
        let order = ["Summary for the board: 1 January 2027 to 31 December 2027", "9 returns to the 2026 self-assessment audit",
                     "Priorities\n  1. O", "Key influences:", "\nS1 Leadership"]
        let places = order.map { text.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil) && places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(text.prefix(2000))")
    }

    /// Every proposal the example officers made for a requirement the plan takes on is one of its
    /// actions, word for word.
    @Test func everyOfficersProposalIsAnActionInTheirWords() async throws {
        let s11 = try S11Binary()
        _ = try await s11.example()
        let check = try await runTool("/usr/bin/env", ["python3", "-c", """
            import glob, sys, xml.etree.ElementTree as ET
            survey = ET.parse(sys.argv[2] + '/Surveys/self-assessment.xml').getroot()
            requirement = {q.get('id'): q.get('requirement') for q in survey.iter('{urn:s11:survey:1}question')}
            proposed = {}
            for path in glob.glob(sys.argv[2] + '/Examples/returns/*.xml'):
                for answer in ET.parse(path).getroot().iter('{urn:s11:return:1}answer'):
                    for improvement in answer.iter('{urn:s11:return:1}improvement'):
                        proposed.setdefault(requirement[answer.get('question')], set()).add(improvement.text)
            plan = ET.parse(sys.argv[1]).getroot()
            taken = missing = 0
            for objective in plan.iter('{urn:s11:plan:2}objective'):
                actions = {e.text for e in objective.iter('{urn:s11:plan:2}input')}
                for text in proposed.get(objective.get('requirement'), ()):
                    taken += 1
                    missing += text not in actions
            print(taken, missing)
            """, s11.folder.appendingPathComponent("ex/plan.xml").path, S11Binary.packageRoot.path])
        let figures = check.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.count == 2 && figures[0] >= 15 && figures[1] == 0, "proposals taken, missing: \(check.output)")
    }

    @Test func aLimitBelowOneIsRefusedAndNoPlanIsDrafted() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let before = try await s11.succeed(["plan", "export", "--db", store]).stdout
        let refused = try await s11.run(["plan", "draft", "--replace", "--max-objectives", "0", "--db", store])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--max-objectives must be 1 or more, not 0"), "\(refused.stderr)")
        #expect(try await s11.succeed(["plan", "export", "--db", store]).stdout == before)
    }

    @Test(.needs(.libreoffice, .pdftotext)) func theWordPlanPrintsOnNoMoreThanTenPages() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        try await s11.succeed(["plan", "export", "--format", "docx", "--out", "plan.docx", "--db", store])
        let pdf = try await convertToPDF(s11.folder.appendingPathComponent("plan.docx"), in: s11.folder)
        let info = try await runTool("/usr/bin/env", ["pdfinfo", pdf.path])
        let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        #expect(pages != nil && pages! <= 10, "\(info.output)")
        // The board's summary comes first, its Reds before anything else in its table.
        let text = try await runTool("/usr/bin/env", ["pdftotext", pdf.path, "-"]).output
        let order = ["Summary for the board", "Results by standard, worst first", "Priorities", "Key influences and inputs", "What the audit found", "Action plan"]
        let places = order.map { text.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil) && places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(text.prefix(3000))")
    }
}
