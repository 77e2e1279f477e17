import Foundation
import S11TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Kill -9 at the worst moment: every answer the server acknowledged is stored, an import lands
/// whole or not at all, and (on SQLite) the integrity check passes afterwards.
@Suite struct CrashSafetyTests {
    /// SQLite's integrity check of an SQLite store; a PostgreSQL server keeps its own.
    func expectIntact(_ s11: S11Binary, _ store: String) async throws {
        guard !store.hasPrefix("postgres") else { return }
        #expect(try await s11.query("PRAGMA integrity_check", in: store) == ["ok"])
    }

    func staffCount(_ s11: S11Binary, _ store: String) async throws -> Int {
        Int(try await s11.query("SELECT COUNT(*) FROM staffAnswerSet", in: store).first ?? "") ?? -1
    }

    @Test func aServerKilledMidStreamKeepsEveryAcknowledgedAnswer() async throws {
        let s11 = try S11Binary()
        let (store, survey) = try await ServeTests().exampleSurvey(s11)
        let before = try await staffCount(s11, store)
        let port = freeLoopbackPort()
        let (process, _, _) = try await ServeTests().startServer(s11, port: port, db: store)
        defer { if process.isRunning { process.terminate() } }

        let url = try #require(URL(string: survey.replacingOccurrences(of: ":8080", with: ":\(port)")))
        let csrf = String(repeating: "k", count: 43)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration)
        actor Tally { var acknowledged = 0; func add() { acknowledged += 1 } }
        let tally = Tally()
        let sender = Task {
            for index in 0..<100_000 {
                var post = URLRequest(url: url)
                post.httpMethod = "POST"
                post.setValue("s11_csrf=\(csrf)", forHTTPHeaderField: "Cookie")
                post.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                post.httpBody = Data("csrf=\(csrf)&answer.SC01=\(index % 2 == 0 ? "agree" : "disagree")".utf8)
                guard let (_, response) = try? await session.data(for: post) else { return }
                if (response as? HTTPURLResponse)?.statusCode == 200 { await tally.add() } else { return }
            }
        }
        while await tally.acknowledged < 60 { try await Task.sleep(for: .milliseconds(20)) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        _ = await sender.result
        let acknowledged = await tally.acknowledged
        try await expectIntact(s11, store)
        let stored = try await staffCount(s11, store) - before
        #expect(stored >= acknowledged, "acknowledged \(acknowledged), stored \(stored)")
        #expect(stored <= acknowledged + 1)                        // at most the one in flight, never half of one

        // It starts again on the same store and carries on.
        let (again, _, printed) = try await ServeTests().startServer(s11, port: port + 1, db: store)
        defer { if again.isRunning { again.terminate() } }
        #expect(printed.contains("s11 is serving"))
    }

    @Test func anImportKilledHalfWayLeavesAllOrNothing() async throws {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", "Riverside District Council", "--year", "2026", "--db", s11.db, "--content", S11Binary.content])
        var csv = "service-area,role,SC01,SC02,SC03,SC06,SC07\n"
        let rows = 150_000
        for index in 0..<rows { csv += "housing,frontline,\(index % 3 == 0 ? "disagree" : "agree"),agree,agree,neutral,agree\n" }
        let file = try s11.write(csv, to: "big.csv")
        let process = Process()
        process.executableURL = S11Binary.executable
        process.arguments = ["responses", "import", "--staff", file, "--db", s11.db]
        process.currentDirectoryURL = s11.folder
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        try await Task.sleep(for: .milliseconds(Int.random(in: 300...2_500)))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try await expectIntact(s11, s11.db)
        let stored = try await staffCount(s11, s11.db)
        #expect(stored == 0 || stored == rows, "\(stored) of \(rows) stored")
    }
}
