import Foundation
import S11TestSupport
import Testing

/// Backups and restores (SQLite's), erasing an officer and the staff survey's retention (on the
/// test's store, whichever engine holds it).
@Suite struct DataCareTests {
    func filledDatabase() async throws -> S11Binary {
        let s11 = try S11Binary()
        try await s11.succeed(["example", "--out", "ex", "--content", S11Binary.content])
        return s11
    }

    @Test func aBackupRestoredIntoAFreshDatabaseHoldsTheSameAudit() async throws {
        let s11 = try await filledDatabase()
        let db = ["--db", "ex/s11.sqlite"]
        try await s11.succeed(["backup", "--out", "backup.sqlite"] + db)
        #expect(try await s11.run(["backup", "--out", "backup.sqlite"] + db).stderr.contains("already exists"))
        try await s11.succeed(["restore", "--from", "backup.sqlite", "--db", "restored.sqlite"])
        #expect(try await s11.run(["restore", "--from", "backup.sqlite", "--db", "restored.sqlite"]).stderr.contains("add --replace"))
        let restored = ["--db", "restored.sqlite"]
        #expect(try await s11.succeed(["score", "--format", "json"] + restored).stdout == s11.succeed(["score", "--format", "json"] + db).stdout)
        #expect(try await s11.succeed(["plan", "export"] + restored).stdout == s11.succeed(["plan", "export"] + db).stdout)
        let notS11 = try s11.write("not a database", to: "junk.sqlite")
        let refused = try await s11.run(["restore", "--from", notS11, "--db", "other.sqlite"])
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: s11.folder.appendingPathComponent("other.sqlite").path))
    }

    @Test func erasingAnOfficerKeepsTheScoresButNotTheNameOrTheWords() async throws {
        let s11 = try S11Binary()
        let store = try await s11.example().store
        let db = ["--db", store]
        let before = try await s11.succeed(["score", "--format", "csv"] + db).stdout
        try await s11.succeed(["officers", "erase", "claire.dunmore@riverside.example"] + db)
        let after = try await s11.succeed(["score", "--format", "csv"] + db).stdout
        func percents(_ csv: String) -> [String] {
            csv.split(separator: "\r\n").map { line in line.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
                .filter { !$0.hasPrefix("requirement") }
        }
        #expect(percents(after) == percents(before))               // organisation, standards and areas score the same
        let status = try await s11.succeed(["audit", "status"] + db).stdout
        #expect(!status.contains("Claire") && status.contains("Erased officer"))
        let stored = try await s11.storedText(in: store)
        #expect(stored.contains("Erased officer"))
        #expect(!stored.contains("claire.dunmore") && !stored.contains("Claire Dunmore"))
        #expect(try await s11.run(["officers", "erase", "nobody@riverside.example"] + db).status == 1)
    }

    @Test func staffAnswersOlderThanTheRetentionPeriodAreDeleted() async throws {
        let s11 = try S11Binary()
        let db = ["--db", try await s11.example().store]
        // The example's answers are dated November 2026; kept for 1 year they stay, until long after.
        let kept = try await s11.succeed(["purge", "--staff-older-than", "1"] + db)
        #expect(kept.stdout.contains("deleted 0 staff survey answers"))
        #expect(try await s11.run(["purge", "--staff-older-than", "0"] + db).status != 0)
        let documents = try await s11.succeed(["purge", "--documents-older-than", "1"] + db)
        #expect(documents.stdout.contains("deleted 0 evidence documents attached more than 1 year ago"))
        let nothing = try await s11.run(["purge"] + db)
        #expect(nothing.status != 0 && nothing.stderr.contains("say what to purge"), "\(nothing.stderr)")
    }
}
