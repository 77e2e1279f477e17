import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import S11TestSupport
import Testing

/// `s11 migrate-store`: a council's SQLite file moves onto the board's server (on a PostgreSQL
/// run; into another SQLite file otherwise) with nothing lost, and the moved store carries on.
@Suite struct MigrateStoreTests {
    @Test func aCouncilsStoreMovesWithNothingLostAndCarriesOn() async throws {
        let s11 = try S11Binary()
        let example = try await s11.succeed(["example", "--out", "ex", "--content", S11Binary.content])
        let moved = try await s11.succeed(["migrate-store", "--from", "ex/s11.sqlite", "--to", s11.db])
        #expect(moved.stdout.contains("every table's count and checksum match"), "\(moved.stdout)")
        let counts = Dictionary(moved.stdout.split(separator: "\n").compactMap { line -> (String, Int)? in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            return cells.count == 3 ? Int(cells[1]).map { (String(cells[0]), $0) } : nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(counts["audit"] == 1 && counts["officer"] == 10 && counts["answer"] == 336 && counts["staffAnswerSet"] == 140, "\(counts)")
        #expect(!moved.stdout.contains("correct horse"))

        // Everything a coordinator reads says the same from either store.
        for command in [["audit", "status"], ["score", "--format", "json"], ["plan", "export", "--format", "xml"]] {
            let before = try await s11.succeed(command + ["--db", "ex/s11.sqlite"]).stdout
            #expect(try await s11.succeed(command + ["--db", s11.db]).stdout == before, "\(command)")
        }
        // The officers' links were stored as hashes and moved as hashes: the one the example
        // printed still opens its officer's return, from the moved store (a stale token would not).
        let link = try #require(example.stdout.split(separator: "\n").first { $0.contains("/r/") }?.split(separator: " ").last)
        let port = freeLoopbackPort()
        let (server, _, _) = try await ServeTests().startServer(s11, port: port, db: s11.db)
        defer { if server.isRunning { server.terminate() } }
        let url = try #require(URL(string: String(link).replacingOccurrences(of: ":8080", with: ":\(port)")))
        let (page, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("<legend>"))
        server.terminate()
        server.waitUntilExit()

        // The moved store takes new work: its counters start past the moved rows.
        try await s11.succeed(["audit", "open", "--org", "Hillside Borough Council", "--year", "2026", "--db", s11.db, "--content", S11Binary.content])
        #expect(try await s11.succeed(["audit", "list", "--db", s11.db]).stdout.contains("Hillside Borough Council"))

        // Moving again into a store that holds data is refused and changes nothing.
        let again = try await s11.run(["migrate-store", "--from", "ex/s11.sqlite", "--to", s11.db])
        #expect(again.status != 0)
        #expect(again.stderr.contains("error: the target store already holds data (content, audit"), "\(again.stderr)")
        #expect(try await s11.succeed(["audit", "status", "--db", s11.db, "--org", "Riverside District Council", "--year", "2026"]).stdout
                == (try await s11.succeed(["audit", "status", "--db", "ex/s11.sqlite", "--org", "Riverside District Council", "--year", "2026"]).stdout))
        let missing = try await s11.run(["migrate-store", "--from", "nowhere.sqlite", "--to", s11.db])
        #expect(missing.status != 0 && missing.stderr.contains("no store at nowhere.sqlite"))
        let same = try await s11.run(["migrate-store", "--from", "ex/s11.sqlite", "--to", "ex/s11.sqlite"])
        #expect(same.status == 1 && same.stderr.contains("error: --from and --to name the same store"))
    }
}
