import Foundation
import Testing

/// `s11 moderate` as a board's audit coordinator uses it after a challenge event.
@Suite struct ModerationCLITests {
    func scoredAudit() async throws -> S11Binary {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", "Riverside District Council", "--year", "2026", "--db", s11.db,
                         "--content", S11Binary.content])
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        try await s11.succeed(["responses", "import"] + S11Binary.exampleReturns + ["--db", s11.db])
        return s11
    }

    func gapIDs(_ s11: S11Binary) async throws -> [String] {
        let json = try await s11.succeed(["score", "--format", "json", "--db", s11.db]).stdout
        let score = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(score["gaps"] as? [[String: Any]]).compactMap { $0["requirement"] as? String }
    }

    @Test func aModeratedRatingDrivesTheGapsAndEveryChangeIsKept() async throws {
        let s11 = try await scoredAudit()
        let before = try await gapIDs(s11)
        #expect(!before.contains("S2.1"))                       // S2 is Green in the example, no gaps

        let down = try await s11.succeed(["moderate", "--requirement", "S2.1", "--rating", "amber", "--by", "OSCB challenge panel",
                                    "--reason", "Policy is two years past its review date", "--db", s11.db])
        #expect(down.stdout.contains("requirement S2.1: self-assessed"))
        #expect(down.stdout.contains("moderated none -> Amber"))
        #expect(try await gapIDs(s11) == (before + ["S2.1"]).sorted { order($0) < order($1) })

        // The CSV carries both ratings, and the reason the requirement is now a gap.
        let csv = try await s11.succeed(["score", "--format", "csv", "--db", s11.db]).stdout
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("level,id,title,service_area,percent,rag,moderated_percent,moderated_rag,capped_because,answers,spread,gap,why") == true)
        #expect(lines.filter { $0.hasPrefix("requirement,") }.count == 64)
        let s21 = try #require(lines.first { $0.hasPrefix("requirement,S2.1,") })
        #expect(s21.contains(",amber,"))
        #expect(s21.contains(",yes,"))
        #expect(s21.contains("Moderated to Amber (requirement S2.1) by OSCB challenge panel"))

        let table = try await s11.succeed(["score", "--requirements", "--db", s11.db]).stdout
        #expect(table.contains("Moderated"))
        #expect(table.contains("Moderation trail"))
        #expect(table.contains("OSCB challenge panel: requirement S2.1 none -> Amber: Policy is two years past its review date"))

        // Withdrawn: the self rating decides again, and the trail keeps both changes.
        try await s11.succeed(["moderate", "--requirement", "S2.1", "--rating", "none", "--by", "OSCB challenge panel",
                         "--reason", "Entered against the wrong organisation", "--db", s11.db])
        #expect(try await gapIDs(s11) == before)
        let trail = try await s11.succeed(["moderate", "--trail", "--db", s11.db]).stdout
        #expect(trail.split(separator: "\n").count == 2)
        #expect(trail.contains("Amber -> withdrawn"))

        // A standard moderated down shows in the board XML beside the self rating.
        try await s11.succeed(["moderate", "--standard", "S2", "--rating", "red", "--by", "Peer review", "--reason", "No evidence seen",
                         "--db", s11.db])
        try await s11.succeed(["plan", "draft", "--date", "2026-11-23", "--db", s11.db])
        let xml = try await s11.succeed(["plan", "export", "--db", s11.db]).stdout
        #expect(xml.contains("rag=\"green\" moderatedRag=\"red\""))
    }

    @Test func badModerationsAreRefusedAndStoreNothing() async throws {
        let s11 = try await scoredAudit()
        let cases: [([String], String)] = [
            (["--requirement", "S99.9", "--rating", "red", "--reason", "x", "--by", "y"], "no requirement 'S99.9'"),
            (["--standard", "S1", "--rating", "red", "--by", "y"], "say why with --reason"),
            (["--standard", "S1", "--rating", "red", "--reason", "x"], "say who moderates with --by"),
            (["--rating", "red", "--reason", "x", "--by", "y"], "name what to moderate"),
            (["--requirement", "S1.1", "--standard", "S1", "--rating", "red", "--reason", "x", "--by", "y"], "one thing at a time"),
            (["--requirement", "S1.1", "--rating", "none", "--reason", "x", "--by", "y"], "no moderated rating to withdraw"),
        ]
        for (arguments, message) in cases {
            let result = try await s11.run(["moderate"] + arguments + ["--db", s11.db])
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try await s11.succeed(["moderate", "--trail", "--db", s11.db]).stdout.contains("no moderation recorded"))
    }

    private func order(_ id: String) -> [Int] { id.dropFirst().split(separator: ".").compactMap { Int($0) } }
}

private func < (a: [Int], b: [Int]) -> Bool { a.lexicographicallyPrecedes(b) }
