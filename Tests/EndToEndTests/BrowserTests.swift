import Foundation
import S11TestSupport
import Testing

/// Real Chromium, driven by Selenium (Tests/Browser/officer_and_staff.py), against `s11 serve`.
@Suite(.serialized, .needs(.chromium, .chromedriver, .selenium)) struct BrowserTests {
    /// The example served from the test's store (on PostgreSQL when the suite runs there).
    func served(_ body: (S11Binary, _ store: String, _ officerLink: String, _ surveyLink: String) async throws -> Void) async throws {
        let s11 = try S11Binary()
        let (example, store) = try await s11.example()
        let lines = example.stdout.split(separator: "\n")
        let port = freeLoopbackPort()
        func link(_ marker: String) throws -> String {
            try #require(lines.first { $0.contains(marker) }?.split(separator: " ").last).replacingOccurrences(of: ":8080", with: ":\(port)")
        }
        let (process, _, _) = try await ServeTests().startServer(s11, port: port, db: store)
        defer { if process.isRunning { process.terminate() } }
        try await body(s11, store, try link("/r/"), try link("/staff/"))
    }

    func drive(_ mode: String, _ link: String) async throws -> (status: Int32, output: String) {
        let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/officer_and_staff.py").path
        return try await runTool("/usr/bin/env", ["python3", script, mode, link])
    }

    @Test func anOfficerAnswersClosesTheBrowserComesBackAndSubmits() async throws {
        try await served { s11, store, officerLink, _ in
            let run = try await drive("officer", officerLink)
            #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
            let status = try await s11.succeed(["audit", "status", "--db", store]).stdout
            #expect(status.contains("10 of 10 officers have submitted"))
            let json = try await s11.succeed(["score", "--format", "json", "--db", store]).stdout
            let score = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect((score["scorecard"] as? [String: Any])?["returns"] as? Int == 10)   // the browser's return is scored
        }
    }

    @Test func aStaffMemberAnswersAndNothingStoredPointsBackAtThem() async throws {
        try await served { s11, store, _, surveyLink in
            let run = try await drive("staff", surveyLink)
            #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
            // 140 imported plus the browser's one; only the day kept; no address or browser anywhere in the store.
            #expect(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet", in: store) == ["141"])
            #expect(try await s11.columns(of: "staffAnswerSet", in: store) == ["auditid", "id", "submittedon", "codes", "batchid"])
            #expect(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet WHERE batchID IS NULL", in: store) == ["1"])   // the web's answer: no batch
            #expect(try await s11.query("SELECT DISTINCT LENGTH(submittedOn) FROM staffAnswerSet", in: store) == ["10"])
            let stored = try await s11.storedText(in: store)
            #expect(!stored.contains("127.0.0.1") && !stored.contains("Mozilla"))
        }
    }

    /// axe-core's WCAG 2.2 A and AA rules on every kind of page (the coordinator's found by following
    /// links from /admin, so new ones are checked too), then the officer's return answered and submitted
    /// with the keyboard alone, the focus visible on the way (Tests/Browser/accessibility.py).
    @Test(.needs(.axe)) func everyPageMeetsWCAG22AAAndTheKeyboardAloneSubmitsAReturn() async throws {
        try await served { s11, store, officerLink, surveyLink in
            let email = "lead@riverside.example", password = "correct horse battery staple"
            let created = try await s11.run(["admin", "create", "--email", email, "--org", "Riverside District Council", "--db", store],
                                      input: password + "\n")
            #expect(created.status == 0, "\(created.stderr)")
            let officerPath = try #require(officerLink.range(of: "/r/"))
            let base = String(officerLink[..<officerPath.lowerBound])          // http://127.0.0.1:PORT
            let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/accessibility.py").path
            let run = try await runTool("/usr/bin/env", ["python3", script, base, email, password, officerLink, surveyLink, ExternalTool.axePath])
            #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
            let status = try await s11.succeed(["audit", "status", "--year", "2026", "--db", store]).stdout
            #expect(status.contains("10 of 10 officers have submitted"))      // the keyboard's return
        }
    }
}
