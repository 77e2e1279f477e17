import Foundation
import S11TestSupport
import Testing

/// `s11 responses export`: every answer as CSV, read back with Python's csv module.
@Suite struct ResponsesExportTests {
    /// The CSV's rows as Python's csv module reads them.
    func rows(_ path: String) async throws -> [[String]] {
        let run = try await runTool("/usr/bin/env", ["python3", "-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", path])
        return try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String]] ?? []
    }

    @Test func everyOfficersAnswerIsExportedWithFormulasNeutralised() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        // Samuel has not returned: his file return carries evidence a spreadsheet would run.
        try await s11.succeed(["responses", "template", "--officer", "samuel.adeyemi@riverside.example", "--out", "samuel.xml", "--db", store])
        var text = try String(contentsOf: s11.folder.appendingPathComponent("samuel.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "option=\"\"", with: "option=\"mostly\"")
        text = text.replacingOccurrences(of: "<evidence></evidence>", with: "<evidence>=HYPERLINK(\"http://evil.example\",\"minutes\")</evidence>")
        text = text.replacingOccurrences(of: "<evidence/>", with: "<evidence>=HYPERLINK(\"http://evil.example\",\"minutes\")</evidence>")
        try await s11.succeed(["responses", "import", try s11.write(text, to: "filled.xml"), "--db", store])
        let wrote = try await s11.succeed(["responses", "export", "--out", "answers.csv", "--db", store])
        #expect(wrote.stdout.contains("wrote answers.csv"))
        let table = try await rows(s11.folder.appendingPathComponent("answers.csv").path)
        #expect(table.first == ["officer", "email", "role", "service_area", "question", "requirement", "option", "score", "evidence", "example",
                                "na_reason", "improvement", "improvement_lead", "improvement_by", "improvement_measure", "carried", "submitted_on"])
        let samuel = table.filter { $0.count > 1 && $0[1] == "samuel.adeyemi@riverside.example" }
        #expect(!samuel.isEmpty && samuel.allSatisfy { $0[8].hasPrefix("'=HYPERLINK(") && $0[6] == "Mostly met" })
        let stored = try await s11.query("SELECT COUNT(*) FROM answer", in: store)
        #expect(["\(table.count - 1)"] == stored)                                          // one row per stored answer
        #expect(table.dropFirst().allSatisfy { $0.count == 17 && $0[16].count == 10 })      // every return submitted, on a day
    }

    @Test func staffAnswersAreExportedAndSmallGroupsCannotBePickedOut() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        try await s11.succeed(["responses", "export", "--staff", "--out", "staff.csv", "--db", store])
        let table = try await rows(s11.folder.appendingPathComponent("staff.csv").path)
        let header = try #require(table.first)
        #expect(header.first == "service-area" || header.first?.contains("area") == true)
        #expect(header.last == "day")
        let body = Array(table.dropFirst())
        #expect(["\(body.count)"] == (try await s11.query("SELECT COUNT(*) FROM staffAnswerSet", in: store)))
        // Every service area and role shown has at least 5 answer sets; the rest are blanked, and there are some.
        var groups: [String: Int] = [:]
        for row in body where !row[0].isEmpty || !row[1].isEmpty { groups["\(row[0])|\(row[1])", default: 0] += 1 }
        #expect(groups.values.allSatisfy { $0 >= 5 }, "\(groups)")
        #expect(body.contains { $0[0].isEmpty && $0[1].isEmpty })
        #expect(body.allSatisfy { $0.last?.count == 10 || $0.last?.isEmpty == true })
    }

    /// s11's own staff export reads back in: into another audit it gives every statement the same
    /// figures (the blanked profiles only leave small groups out of the areas).
    @Test func theStaffExportImportsBackWithTheSameFigures() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let original = try await s11.succeed(["audit", "list", "--db", store]).stdout
        let organisation = try #require(original.split(separator: "\n").first { $0.contains("2026") }.map { String($0) })
        #expect(organisation.contains("Riverside"))
        try await s11.succeed(["responses", "export", "--staff", "--out", "staff.csv", "--db", store])
        try await s11.succeed(["audit", "open", "--org", "Copy Council", "--year", "2026", "--db", store])
        let imported = try await s11.succeed(["responses", "import", "--staff", "staff.csv", "--org", "Copy Council", "--year", "2026", "--db", store])
        #expect(imported.stdout.contains("imported"))
        func statements(_ org: String) async throws -> [String: [String: Int]] {
            let json = try await s11.succeed(["score", "--format", "json", "--org", org, "--year", "2026", "--db", store]).stdout
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let staff = try #require(object?["staff"] as? [String: Any])
            let list = try #require(staff["statements"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.compactMap { statement in
                ((statement["statementID"] as? String) ?? "", ((statement["overall"] as? [String: Any])?["agreeing"] as? [String: Int]) ?? [:])
            })
        }
        let copied = try await statements("Copy Council"), given = try await statements("Riverside District Council")
        #expect(!copied.isEmpty)
        #expect(copied == given)
        let days = "SELECT COUNT(*) FROM staffAnswerSet WHERE submittedOn IS NOT NULL AND auditID = (SELECT id FROM audit WHERE organisation = ?)"
        let copiedDays = try await s11.query(days.replacingOccurrences(of: "?", with: "'Copy Council'"), in: store)
        let givenDays = try await s11.query(days.replacingOccurrences(of: "?", with: "'Riverside District Council'"), in: store)
        #expect(copiedDays == givenDays)
    }
}

/// `--out` naming a device or a pipe writes into it and leaves it as it is: a finished file moved
/// over `/dev/null` replaced it (as root, for every program on the machine).
@Suite struct OutputToPipesTests {
    /// Runs `arguments` with `--out` a FIFO that `cat` drains into a file; returns what came through.
    func throughFIFO(_ s11: S11Binary, _ arguments: [String]) async throws -> (text: String, stillFIFO: Bool) {
        let fifo = s11.folder.appendingPathComponent("out.fifo").path
        let got = s11.folder.appendingPathComponent("got.txt").path
        try? FileManager.default.removeItem(atPath: fifo)
        #expect(mkfifo(fifo, 0o600) == 0)
        _ = FileManager.default.createFile(atPath: got, contents: nil)
        let sink = try #require(FileHandle(forWritingAtPath: got))
        defer { try? sink.close() }
        let reader = Process()                                   // cat itself, so that it can be stopped
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        reader.standardOutput = sink
        try reader.run()
        defer {
            // A cat still waiting for a writer (the pipe was replaced) is killed, not waited for.
            if reader.isRunning { kill(reader.processIdentifier, SIGKILL) }
            let gone = Date().addingTimeInterval(5)
            while reader.isRunning && Date() < gone { usleep(20_000) }
        }
        _ = try await s11.succeed(arguments + ["--out", fifo])
        var status = stat()
        let isFIFO = stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
        let deadline = Date().addingTimeInterval(isFIFO ? 10 : 0)
        while reader.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return ((try? String(contentsOfFile: got, encoding: .utf8)) ?? "", isFIFO)
    }

    @Test func aDocumentAndAStreamedExportGoIntoAPipe() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let scored = try await throughFIFO(s11, ["score", "--format", "json", "--db", store])
        #expect(scored.stillFIFO)
        #expect(scored.text.contains("\"staff\""))
        let exported = try await throughFIFO(s11, ["responses", "export", "--staff", "--db", store])
        #expect(exported.stillFIFO)
        #expect(exported.text.hasPrefix("service-area,"))
    }
}
