import Foundation
import S11TestSupport
import Testing

/// Real Chromium, driven by Selenium (Tests/Browser/officer_and_staff.py), against `s11 serve`.
@Suite(.serialized) struct BrowserTests {
    var available: Bool { requiredOrAvailable("chromedriver") && requiredOrAvailable("chromium") }

    func served(_ body: (S11Binary, _ officerLink: String, _ surveyLink: String) async throws -> Void) async throws {
        let s11 = try S11Binary()
        let example = try s11.succeed(["example", "--out", "ex", "--content", S11Binary.content])
        let lines = example.stdout.split(separator: "\n")
        let port = Int.random(in: 20_000...40_000)
        func link(_ marker: String) throws -> String {
            try #require(lines.first { $0.contains(marker) }?.split(separator: " ").last).replacingOccurrences(of: ":8080", with: ":\(port)")
        }
        let (process, _, _) = try await ServeTests().startServer(s11, port: port)
        defer { if process.isRunning { process.terminate() } }
        try await body(s11, try link("/r/"), try link("/staff/"))
    }

    func drive(_ mode: String, _ link: String) throws -> (status: Int32, output: String) {
        let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/officer_and_staff.py").path
        return try runTool("/usr/bin/env", ["python3", script, mode, link])
    }

    @Test func anOfficerAnswersClosesTheBrowserComesBackAndSubmits() async throws {
        guard available else { return }
        try await served { s11, officerLink, _ in
            let run = try drive("officer", officerLink)
            #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
            let status = try s11.succeed(["audit", "status", "--db", "ex/s11.sqlite"]).stdout
            #expect(status.contains("10 of 10 officers have submitted"))
            let json = try s11.succeed(["score", "--format", "json", "--db", "ex/s11.sqlite"]).stdout
            let score = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect((score["scorecard"] as? [String: Any])?["returns"] as? Int == 10)   // the browser's return is scored
        }
    }

    @Test func aStaffMemberAnswersAndNothingStoredPointsBackAtThem() async throws {
        guard available else { return }
        try await served { s11, _, surveyLink in
            let run = try drive("staff", surveyLink)
            #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
            let rows = try runTool("/usr/bin/env", ["python3", "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                columns = [c[1] for c in db.execute('PRAGMA table_info(staffAnswerSet)')]
                days = {len(r[0]) for r in db.execute('SELECT submittedOn FROM staffAnswerSet')}
                dump = '\\\\n'.join(db.iterdump())
                print(db.execute('SELECT COUNT(*) FROM staffAnswerSet').fetchone()[0], columns, days, '127.0.0.1' in dump, 'Mozilla' in dump)
                """, s11.folder.appendingPathComponent("ex/s11.sqlite").path])
            // 140 imported plus the browser's one; only the day kept; no address or browser anywhere in the database.
            #expect(rows.output.hasPrefix("141 ['auditID', 'id', 'submittedOn', 'codes'] {10} False False"), "\(rows.output)")
        }
    }
}
