import Foundation
import GRDB
import S11TestSupport
import Testing
@testable import S11Store
import S11Core

@Suite struct AuditStoreTests {
    let officers = [
        Officer(name: "Asha Patel", email: "asha@example.org", role: "dso", serviceArea: "Housing"),
        Officer(name: "Ben Cole", email: "ben@example.org", role: "champion", serviceArea: "Leisure"),
    ]

    func storeWithAudit() throws -> (AuditStore, AuditRecord) {
        let store = try AuditStore(database: TestDatabase.fresh())
        let audit = try store.openAudit(organisation: "Riverside District Council", year: 2026,
                                        files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        return (store, audit)
    }

    @Test func anAuditPinsItsContentByteForByte() throws {
        let (store, audit) = try storeWithAudit()
        let pinned = try store.pinnedFiles(auditID: audit.id)
        #expect(pinned.map(\.path) == ["Standards/c.xml"])
        #expect(pinned[0].data == Array("<catalogue/>".utf8))
        #expect(pinned[0].sha256 == AuditStore.sha256(Data("<catalogue/>".utf8)))
        #expect(pinned[0].sha256.count == 64)
    }

    @Test func theSameOrganisationAndYearCannotBeOpenedTwice() throws {
        let (store, _) = try storeWithAudit()
        #expect(throws: StoreError.self) {
            try store.openAudit(organisation: "riverside district council", year: 2026, files: [])
        }
        #expect(try store.audits().count == 1)
    }

    @Test func selectingAnAuditExplainsAmbiguity() throws {
        let (store, _) = try storeWithAudit()
        _ = try store.openAudit(organisation: "Other Council", year: 2026, files: [])
        do {
            _ = try store.audit(organisation: nil, year: 2026)
            Issue.record("ambiguous selection accepted")
        } catch let error as StoreError {
            #expect(error.message.contains("--org"))
        }
        #expect(try store.audit(organisation: "other council", year: nil).organisation == "Other Council")
    }

    @Test func reimportingOfficersUpdatesRatherThanDuplicates() throws {
        let (store, audit) = try storeWithAudit()
        #expect(try store.importOfficers(officers, auditID: audit.id) == (added: 2, updated: 0))
        var changed = officers
        changed[0].serviceArea = "Community Services"
        #expect(try store.importOfficers(changed, auditID: audit.id) == (added: 0, updated: 2))
        let stored = try store.officers(auditID: audit.id)
        #expect(stored.count == 2)
        #expect(stored.first { $0.email == "asha@example.org" }?.serviceArea == "Community Services")
    }

    @Test func onlyAHashOfEachLinkIsStored() throws {
        let (store, audit) = try storeWithAudit()
        _ = try store.importOfficers(officers, auditID: audit.id)
        let issued = try store.issueInvitations(auditID: audit.id, reissue: false)
        #expect(issued.count == 2)
        #expect(Set(issued.map(\.token)).count == 2)
        for (officer, token) in issued {
            #expect(token.count == 43) // 256 bits in base64url
            #expect(try store.officer(forToken: token)?.officer == officer)
            let stored = try store.engine.read { db in try db.fetchColumn(Data.self, "SELECT tokenSHA256 FROM invitation") }
            #expect(!stored.contains(Data(token.utf8)))
            #expect(stored.allSatisfy { $0.count == 32 })
            let dump = stored.map { $0.map { String(format: "%02X", $0) }.joined() }
            #expect(!dump.joined().contains(token))
        }
        #expect(try store.issueInvitations(auditID: audit.id, reissue: false).isEmpty)
        #expect(try store.officer(forToken: String(repeating: "A", count: 43)) == nil)
    }

    @Test func reissuingRevokesTheOldLinks() throws {
        let (store, audit) = try storeWithAudit()
        _ = try store.importOfficers(officers, auditID: audit.id)
        let old = try store.issueInvitations(auditID: audit.id, reissue: false)
        let new = try store.issueInvitations(auditID: audit.id, reissue: true)
        #expect(new.count == 2)
        #expect(try store.officer(forToken: old[0].token) == nil)
        #expect(try store.officer(forToken: new[0].token) != nil)
    }

    @Test func returnsAreStoredWholeOrNotAtAll() throws {
        let (store, audit) = try storeWithAudit()
        _ = try store.importOfficers(officers, auditID: audit.id)
        let good = OfficerReturn(organisation: audit.organisation, year: 2026, officerEmail: "asha@example.org",
                                 answers: [Answer(questionID: "Q1.1", choice: .option("fully"), evidence: "Policy")])
        let stranger = OfficerReturn(organisation: audit.organisation, year: 2026, officerEmail: "nobody@example.org",
                                     answers: [Answer(questionID: "Q1.1", choice: .option("fully"))])
        #expect(throws: StoreError.self) {
            try store.saveReturns([good, stranger], auditID: audit.id) { _, _ in .submitted }
        }
        #expect(try store.returns(audit: audit, includeUnsubmitted: true).allSatisfy { $0.answers.isEmpty })
        try store.saveReturns([good], auditID: audit.id) { _, _ in .submitted }
        let saved = try store.returns(audit: audit)
        #expect(saved.map(\.officerEmail) == ["asha@example.org"])
        #expect(saved[0].answers == good.answers)
        #expect(try store.officerStatuses(auditID: audit.id).first { $0.officer.email == "asha@example.org" }?.status == .submitted)
    }

    @Test func anIncompleteReturnIsInProgressAndNotScored() throws {
        let (store, audit) = try storeWithAudit()
        _ = try store.importOfficers(officers, auditID: audit.id)
        let partial = OfficerReturn(organisation: audit.organisation, year: 2026, officerEmail: "ben@example.org",
                                    answers: [Answer(questionID: "Q1.1", choice: .option("mostly")),
                                              Answer(questionID: "Q1.2", choice: .unanswered)])
        try store.saveReturns([partial], auditID: audit.id) { _, _ in .inProgress }
        #expect(try store.officerStatuses(auditID: audit.id).first { $0.officer.email == "ben@example.org" }?.status == .inProgress)
        #expect(try store.returns(audit: audit).isEmpty)
        #expect(try store.returns(audit: audit, includeUnsubmitted: true).first { $0.officerEmail == "ben@example.org" }?.answers.count == 2)
    }

    @Test func aPlanIsNotOverwrittenUnlessAsked() throws {
        let (store, _) = try storeWithAudit()
        let day = CalendarDate(year: 2026, month: 11, day: 23)!
        var plan = Plan(organisation: "Riverside District Council", title: "Plan", auditYear: 2026, periodStart: day, periodEnd: day,
                        documentControl: DocumentControl(owner: "O", author: "A", version: "0.1", lastReviewed: day, nextReviewDue: day,
                                                         history: []),
                        results: nil, standards: [])
        try store.savePlan(plan, replace: false)
        plan.title = "Plan v2"
        #expect(throws: StoreError.self) { try store.savePlan(plan, replace: false) }
        try store.savePlan(plan, replace: true)
        #expect(try store.plan(organisation: "riverside district council", year: 2026)?.title == "Plan v2")
    }

    @Test func aMissingAuditOnABoardServerNamesAFewOthersNotThousands() throws {
        let store = try AuditStore(database: TestDatabase.fresh())
        for index in 0..<12 {
            _ = try store.openAudit(organisation: "Organisation \(index)", year: 2026,
                                    files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        }
        #expect { try store.audit(organisation: "Nowhere Council", year: nil) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("no audit for Nowhere Council; there are: ") && text.hasSuffix("; and 2 more")
                && text.components(separatedBy: "; ").count == 12          // the sentence, ten audits, how many more
        }
    }

    @Test func anSQLiteFileUsesWriteAheadLogging() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s11-\(UUID().uuidString).sqlite").path
        let store = try AuditStore(database: path)
        let mode = try store.engine.read { db in try db.fetchValue(String.self, "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func lookupsByOrganisationUseAnIndexWhateverTheCaseOnSQLite() throws {
        // A board of thousands of organisations: finding one audit or plan must not scan them all.
        let store = try AuditStore()
        let plans = try (store.engine as! SQLiteEngine).writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT 1 FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                             arguments: ["x", 2026]).map { $0["detail"] as String }
        }.joined()
        #expect(plans.contains("USING COVERING INDEX planByOrganisation"), "\(plans)")
        let files: [(kind: String, path: String, data: Data)] = [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))]
        let last = try store.openAudit(organisation: "Riverside District Council", year: 2025, files: files)
        let now = try store.openAudit(organisation: "RIVERSIDE district council", year: 2026, files: files)
        #expect(try store.previousAudit(of: now)?.id == last.id)
        #expect(try store.previousAudit(of: last) == nil)
    }

    @Test func coordinatorsFromBeforeOrganisationsCoordinateTheOnlyOrganisationThereIs() throws {
        func migrated(organisations: [String]) throws -> Coordinator? {
            let location = TestDatabase.fresh(sqlite: FileManager.default.temporaryDirectory
                .appendingPathComponent("s11-\(UUID().uuidString).sqlite").path)
            do {
                let engine: any DatabaseEngine = TestDatabase.onPostgres ? try PostgresEngine(url: location) : try SQLiteEngine(path: location)
                try Schema.migrate(engine, upTo: "v9: indexes for the case-blind lookups by organisation and e-mail")
                try engine.write { db in
                    for (index, name) in organisations.enumerated() {
                        try db.execute("INSERT INTO audit (organisation, year, openedAt) VALUES (?, ?, '2026-11-01T09:00:00Z')",
                                       [name, 2025 + index])
                    }
                    try db.execute("INSERT INTO coordinator (email, passwordHash, createdAt) VALUES ('lead@riverside.example', 'x', 'now')")
                }
            }
            let store = try AuditStore(database: location)
            return try store.coordinator(forSession: try store.startCoordinatorSession(email: "lead@riverside.example"))
        }
        // One organisation (over two years, whatever the case): its coordinator, as before.
        #expect(try migrated(organisations: ["Riverside District Council", "RIVERSIDE district council"])?.organisation == "Riverside District Council")
        // Several: a board user, who sees summaries and changes nothing, until given an organisation.
        #expect(try migrated(organisations: ["Riverside District Council", "Hillside Borough Council"])?.isBoard == true)
    }
}
