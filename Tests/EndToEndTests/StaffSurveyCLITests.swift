import Foundation
import S11TestSupport
import Testing

/// The staff confidence survey from the exports councils already have, kept anonymous.
@Suite struct StaffSurveyCLITests {
    func openedAudit(year: Int = 2026, _ s11: S11Binary? = nil) async throws -> S11Binary {
        let s11 = try s11 ?? S11Binary()
        try await s11.succeed(["audit", "open", "--org", "Riverside District Council", "--year", String(year), "--db", s11.db,
                         "--content", S11Binary.content])
        return s11
    }

    @Test func aSurveyMonkeyExportIsImportedWithNothingThatIdentifiesAnyone() async throws {
        let s11 = try await openedAudit()
        let imported = try await s11.succeed(["responses", "import", "--staff", S11Binary.example("staff/surveymonkey-2026.csv"), "--db", s11.db])
        #expect(imported.stdout.contains("imported 140 anonymous staff responses"))

        let stored = try await s11.storedText()
        #expect(stored.lowercased().contains("staffanswerset"))
        #expect(!stored.contains("192.0.2."))                    // IP addresses
        #expect(!stored.contains("11402") && !stored.contains("258771043"))   // respondent and collector ids
        #expect(!stored.contains(" AM") && !stored.contains(" PM"))            // times of day
        let columns = try await s11.columns(of: "staffAnswerSet")
        #expect(columns == ["auditid", "id", "submittedon", "codes", "batchid"])       // the batch is the file's, not a line's
        #expect(try await s11.columns(of: "staffImportBatch") == ["id", "auditid", "filename", "sha256", "answersets", "importedon", "importedby"])

        let table = try await s11.succeed(["score", "--db", s11.db]).stdout
        #expect(table.contains("Staff confidence: 140 anonymous respondents"))
        #expect(table.contains("By service area (groups under 5 respondents are not shown)"))
        #expect(table.contains("<5"))                            // Regeneration's 4 respondents are hidden

        // The CSV has the same figures, read back by Python's csv module; small groups say only "suppressed".
        try await s11.succeed(["score", "--format", "csv", "--out", "score.csv", "--db", s11.db])
        let check = try await runTool("/usr/bin/env", ["python3", "-c", """
            import csv, sys
            rows = [r for r in csv.DictReader(open(sys.argv[1], newline='')) if r['level'] == 'staff_statement']
            sc06 = next(r for r in rows if r['id'] == 'SC06' and r['service_area'] == '')
            small = [r for r in rows if r['service_area'] == 'Regeneration and economy']
            print(len(rows), sc06['percent'], sc06['low95'], sc06['high95'], sc06['gap'], {r['percent'] for r in small}, {r['answers'] for r in small})
            """, s11.folder.appendingPathComponent("score.csv").path])
        #expect(check.output.hasPrefix("133 64 55.6 71.6 yes {'suppressed'} {''}"), "\(check.output)")

        // A statement below target is a gap of the requirement it tests, and the plan says why in figures.
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        try await s11.succeed(["responses", "import"] + S11Binary.exampleReturns + ["--db", s11.db])
        try await s11.succeed(["plan", "draft", "--db", s11.db])
        let plan = try await s11.succeed(["plan", "show", "--db", s11.db]).stdout
        #expect(plan.contains("staff survey, “I know what to do if I report a concern and nothing seems to happen”: 64% of staff agree (n=136, 95% CI 55.6-71.6%); target 80%"),
                "\(plan)")
    }

    @Test func aFormsExportWithAMappingFileAndLastYearsSurveyForChange() async throws {
        let s11 = try await openedAudit(year: 2025)
        try await s11.succeed(["responses", "import", "--staff", S11Binary.example("staff/surveymonkey-2026.csv"),
                         "--org", "Riverside District Council", "--year", "2025", "--db", s11.db])
        _ = try await openedAudit(year: 2026, s11)
        let this = ["--org", "Riverside District Council", "--year", "2026", "--db", s11.db]
        let unmapped = try await s11.run(["responses", "import", "--staff", S11Binary.example("staff/forms-export.csv")] + this)
        #expect(unmapped.status == 1)
        #expect(unmapped.stderr.contains("forms-export.csv:1:"))
        #expect(unmapped.stderr.contains("column 9 ('Child signs') matches no statement"))
        try await s11.succeed(["responses", "import", "--staff", S11Binary.example("staff/forms-export.csv"),
                         "--mapping", S11Binary.example("staff/forms-mapping.csv")] + this)
        let json = try await s11.succeed(["score", "--format", "json"] + this).stdout
        let score = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let staff = try #require(score["staff"] as? [String: Any])
        #expect(staff["respondents"] as? Int == 5)
        #expect(staff["previousRespondents"] as? Int == 140)
        let statements = try #require(staff["statements"] as? [[String: Any]])
        let sc07 = try #require(statements.first { $0["statementID"] as? String == "SC07" })
        #expect(sc07["change"] != nil)                            // last year's 2025 survey beside this one
    }

    @Test func aBadExportIsRefusedWholeWithRowNumbers() async throws {
        let s11 = try await openedAudit()
        let good = try String(contentsOfFile: S11Binary.example("staff/surveymonkey-2026.csv"), encoding: .utf8)
        var lines = good.components(separatedBy: "\r\n")                    // the export's line ends
        try #require(lines.count > 100)
        lines[10] = lines[10].replacingOccurrences(of: "Agree", with: "Sometimes")
        let bad = try s11.write(lines.joined(separator: "\r\n"), to: "bad.csv")
        let refused = try await s11.run(["responses", "import", "--staff", S11Binary.example("staff/surveymonkey-2026.csv"), bad, "--db", s11.db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:11:"))
        #expect(refused.stderr.contains("'Sometimes' is not an answer to"))
        // Neither file was stored: the good one was in the same import.
        #expect(!(try await s11.succeed(["score", "--db", s11.db]).stdout.contains("Staff confidence")))
    }

    /// A UK Microsoft Forms export of the shipped survey: `rows` answer sets, dated day first.
    static func ukFormsExport(rows: Int, decidingRow: Int?) throws -> String {
        let survey = try String(contentsOfFile: S11Binary.packageRoot.appendingPathComponent("Surveys/staff-confidence.xml").path, encoding: .utf8)
        let statements = survey.components(separatedBy: "<statement ").dropFirst().map { part in
            part[part.index(after: part.firstIndex(of: ">")!)..<part.range(of: "</statement>")!.lowerBound]
                .replacingOccurrences(of: "&apos;", with: "'")
        }
        let quoted = statements.map { "\"" + $0 + "\"" }
        var text = "ID,Start time,Completion time,Email,Name,Last modified time,Which service area do you mainly work in?,Which best describes your role?,"
            + quoted.joined(separator: ",") + "\r\n"
        for row in 0..<rows {
            let day = row == decidingRow ? 20 : 1 + row % 12
            let answers = statements.indices.map { ["Agree", "Strongly agree", "Disagree"][($0 + row) % 3] }
            text += "\(row + 1),\(String(format: "%02d", day))/11/2026 10:01:02,\(String(format: "%02d", day))/11/2026 10:14:03,anonymous,,,"
                + "Housing and homelessness,Manager," + answers.joined(separator: ",") + "\r\n"
        }
        return text
    }

    @Test func importsTakeTheFileExactlyOrRefuseItAndABatchCanBeUndone() async throws {
        let s11 = try await openedAudit()
        let db = ["--db", s11.db]
        // Day first, decided by the one date over 12: every answer set stays in November.
        let uk = try s11.write(try Self.ukFormsExport(rows: 500, decidingRow: 250), to: "uk-forms.csv")
        let imported = try await s11.succeed(["responses", "import", "--staff", uk] + db)
        #expect(imported.stdout.contains("imported 500 anonymous staff responses from uk-forms.csv as batch 1"))
        #expect(try await s11.query("SELECT DISTINCT substr(submittedOn, 1, 7) FROM staffAnswerSet") == ["2026-11"])

        // The same bytes again: refused, naming the batch, and nothing more is stored.
        let twice = try await s11.run(["responses", "import", "--staff", uk] + db)
        #expect(twice.status == 1)
        #expect(twice.stderr.hasPrefix("\(uk):1:1: error: this file was imported into this audit before, as batch 1 ('uk-forms.csv', 500 answer sets"))
        #expect(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet") == ["500"])
        let listed = try await s11.succeed(["responses", "batches"] + db).stdout
        #expect(listed.contains("uk-forms.csv") && listed.contains("500"))

        // Every date ambiguous: refused with the option to add; with it, read day first.
        let ambiguous = try s11.write(try Self.ukFormsExport(rows: 40, decidingRow: nil), to: "ambiguous.csv")
        let undecided = try await s11.run(["responses", "import", "--staff", ambiguous] + db)
        #expect(undecided.status == 1 && undecided.stderr.contains("add --date-order dmy"))
        try await s11.succeed(["responses", "import", "--staff", ambiguous, "--date-order", "dmy"] + db)
        #expect(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet WHERE submittedOn LIKE '2026-11-%'") == ["540"])

        // An extra empty cell, a file cut at a field boundary, a UTF-16 file: refused, nothing stored.
        var lines = try Self.ukFormsExport(rows: 30, decidingRow: 0).components(separatedBy: "\r\n")
        lines[5] = lines[5].replacingOccurrences(of: ",Manager,", with: ",Manager,,")
        let shifted = try await s11.run(["responses", "import", "--staff", try s11.write(lines.joined(separator: "\r\n"), to: "shifted.csv")] + db)
        #expect(shifted.status == 1 && shifted.stderr.contains("shifted.csv:6:") && shifted.stderr.contains("but the header has 27"))
        let whole = try Self.ukFormsExport(rows: 30, decidingRow: 0)
        let cut = String(whole.prefix(whole.count * 2 / 3))
        let truncated = try await s11.run(["responses", "import", "--staff", try s11.write(String(cut[..<cut.lastIndex(of: ",")!]), to: "cut.csv")] + db)
        #expect(truncated.status == 1 && truncated.stderr.contains("but the header has 27"))
        let utf16 = s11.folder.appendingPathComponent("utf16.csv")
        try (Data([0xFF, 0xFE]) + whole.data(using: .utf16LittleEndian)!).write(to: utf16)
        let wide = try await s11.run(["responses", "import", "--staff", utf16.path] + db)
        #expect(wide.status == 1)
        #expect(wide.stderr.split(separator: "\n").count == 1 && wide.stderr.contains("CSV UTF-8"))
        #expect(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet") == ["540"])

        // Undo takes one batch back, in one go.
        let undone = try await s11.succeed(["responses", "undo", "1"] + db)
        #expect(undone.stdout.contains("removed batch 1: 500 staff answer sets imported from uk-forms.csv"))
        #expect(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet") == ["40"])
        #expect(try await s11.run(["responses", "undo", "1"] + db).status == 1)
    }
}
