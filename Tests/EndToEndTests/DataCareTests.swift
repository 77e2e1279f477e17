import Foundation
import S11TestSupport
import Testing

/// Backups and restores (SQLite's), erasing an officer and the staff survey's retention (on the
/// test's store, whichever engine holds it).
@Suite struct DataCareTests {
    func filledDatabase() throws -> S11Binary {
        let s11 = try S11Binary()
        try s11.succeed(["example", "--out", "ex", "--content", S11Binary.content])
        return s11
    }

    @Test func aBackupRestoredIntoAFreshDatabaseHoldsTheSameAudit() throws {
        let s11 = try filledDatabase()
        let db = ["--db", "ex/s11.sqlite"]
        try s11.succeed(["backup", "--out", "backup.sqlite"] + db)
        #expect(try s11.run(["backup", "--out", "backup.sqlite"] + db).stderr.contains("already exists"))
        try s11.succeed(["restore", "--from", "backup.sqlite", "--db", "restored.sqlite"])
        #expect(try s11.run(["restore", "--from", "backup.sqlite", "--db", "restored.sqlite"]).stderr.contains("add --replace"))
        let restored = ["--db", "restored.sqlite"]
        #expect(try s11.succeed(["score", "--format", "json"] + restored).stdout == s11.succeed(["score", "--format", "json"] + db).stdout)
        #expect(try s11.succeed(["plan", "export"] + restored).stdout == s11.succeed(["plan", "export"] + db).stdout)
        let notS11 = try s11.write("not a database", to: "junk.sqlite")
        let refused = try s11.run(["restore", "--from", notS11, "--db", "other.sqlite"])
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: s11.folder.appendingPathComponent("other.sqlite").path))
    }

    @Test func erasingAnOfficerKeepsTheScoresButNotTheNameOrTheWords() throws {
        let s11 = try S11Binary()
        let store = try s11.example().store
        let db = ["--db", store]
        let before = try s11.succeed(["score", "--format", "csv"] + db).stdout
        try s11.succeed(["officers", "erase", "claire.dunmore@riverside.example"] + db)
        let after = try s11.succeed(["score", "--format", "csv"] + db).stdout
        func percents(_ csv: String) -> [String] {
            csv.split(separator: "\r\n").map { line in line.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
                .filter { !$0.hasPrefix("requirement") }
        }
        #expect(percents(after) == percents(before))               // organisation, standards and areas score the same
        let status = try s11.succeed(["audit", "status"] + db).stdout
        #expect(!status.contains("Claire") && status.contains("Erased officer"))
        let stored = try s11.storedText(in: store)
        #expect(stored.contains("Erased officer"))
        #expect(!stored.contains("claire.dunmore") && !stored.contains("Claire Dunmore"))
        #expect(try s11.run(["officers", "erase", "nobody@riverside.example"] + db).status == 1)
    }

    @Test func staffAnswersOlderThanTheRetentionPeriodAreDeleted() throws {
        let s11 = try S11Binary()
        let db = ["--db", try s11.example().store]
        // The example's answers are dated November 2026; kept for 1 year they stay, until long after.
        let kept = try s11.succeed(["purge", "--staff-older-than", "1"] + db)
        #expect(kept.stdout.contains("deleted 0 staff survey answers"))
        #expect(try s11.run(["purge", "--staff-older-than", "0"] + db).status != 0)
    }
}
