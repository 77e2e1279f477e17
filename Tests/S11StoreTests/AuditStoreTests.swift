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

    func storeWithAudit() async throws -> (AuditStore, AuditRecord) {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026,
                                        files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        return (store, audit)
    }

    @Test func anAuditPinsItsContentByteForByte() async throws {
        let (store, audit) = try await storeWithAudit()
        let pinned = try await store.audits.pinnedFiles(auditID: audit.id)
        #expect(pinned.map(\.path) == ["Standards/c.xml"])
        #expect(pinned[0].data == Array("<catalogue/>".utf8))
        #expect(pinned[0].sha256 == HexDigest.sha256(Data("<catalogue/>".utf8)))
        #expect(pinned[0].sha256.count == 64)
    }

    @Test func theSameOrganisationAndYearCannotBeOpenedTwice() async throws {
        let (store, _) = try await storeWithAudit()
        await #expect(throws: StoreError.self) {
            try await store.audits.open(organisation: "riverside district council", year: 2026, files: [])
        }
        #expect(try await store.audits.all().count == 1)
    }

    @Test func selectingAnAuditExplainsAmbiguity() async throws {
        let (store, _) = try await storeWithAudit()
        _ = try await store.audits.open(organisation: "Other Council", year: 2026, files: [])
        do {
            _ = try await store.audits.named(organisation: nil, year: 2026)
            Issue.record("ambiguous selection accepted")
        } catch let error as StoreError {
            #expect(error.message.contains("--org"))
        }
        #expect(try await store.audits.named(organisation: "other council", year: nil).organisation == "Other Council")
    }

    @Test func reimportingOfficersUpdatesRatherThanDuplicates() async throws {
        let (store, audit) = try await storeWithAudit()
        #expect(try await store.officers.import(officers, auditID: audit.id) == (added: 2, updated: 0))
        var changed = officers
        changed[0].serviceArea = "Community Services"
        #expect(try await store.officers.import(changed, auditID: audit.id) == (added: 0, updated: 2))
        let stored = try await store.officers.all(auditID: audit.id)
        #expect(stored.count == 2)
        #expect(stored.first { $0.email == "asha@example.org" }?.serviceArea == "Community Services")
    }

    @Test func onlyAHashOfEachLinkIsStored() async throws {
        let (store, audit) = try await storeWithAudit()
        _ = try await store.officers.import(officers, auditID: audit.id)
        let issued = try await store.officers.issueInvitations(auditID: audit.id, reissue: false)
        #expect(issued.count == 2)
        #expect(Set(issued.map(\.token)).count == 2)
        for (officer, token) in issued {
            #expect(token.count == 43) // 256 bits in base64url
            #expect(try await store.officers.find(token: token)?.officer == officer)
            let stored = try await store.engine.read { db in try await db.fetchColumn(Data.self, "SELECT tokenSHA256 FROM officerLink", table: "officerLink") }
            #expect(!stored.contains(Data(token.utf8)))
            #expect(stored.allSatisfy { $0.count == 32 })
            let dump = stored.map { $0.map { String(format: "%02X", $0) }.joined() }
            #expect(!dump.joined().contains(token))
        }
        #expect(try await store.officers.issueInvitations(auditID: audit.id, reissue: false).isEmpty)
        #expect(try await store.officers.find(token: String(repeating: "A", count: 43)) == nil)
    }

    @Test func reissuingRevokesTheOldLinks() async throws {
        let (store, audit) = try await storeWithAudit()
        _ = try await store.officers.import(officers, auditID: audit.id)
        let old = try await store.officers.issueInvitations(auditID: audit.id, reissue: false)
        let new = try await store.officers.issueInvitations(auditID: audit.id, reissue: true)
        #expect(new.count == 2)
        #expect(try await store.officers.find(token: old[0].token) == nil)
        #expect(try await store.officers.find(token: new[0].token) != nil)
    }

    /// A reminder or an invitation sent again adds a link: the one the officer was sent first keeps
    /// working, until the coordinator reissues the links.
    @Test func aFurtherLinkKeepsTheEarlierOnesUntilTheLinksAreReissued() async throws {
        let (store, audit) = try await storeWithAudit()
        _ = try await store.officers.import(officers, auditID: audit.id)
        let first = try await store.officers.issueInvitations(auditID: audit.id, reissue: false)
        let reminder = try await store.officers.issueInvitations(auditID: audit.id, reissue: true, keepEarlier: true, only: ["asha@example.org"])
        #expect(reminder.map(\.officer.email) == ["asha@example.org"])
        for token in first.map(\.token) + reminder.map(\.token) {
            #expect(try await store.officers.find(token: token) != nil)
        }
        #expect(try await store.officers.statuses(auditID: audit.id).count == 2)               // two links, still one officer
        let reissued = try await store.officers.issueInvitations(auditID: audit.id, reissue: true)
        for token in first.map(\.token) + reminder.map(\.token) {
            #expect(try await store.officers.find(token: token) == nil)
        }
        #expect(try await store.officers.find(token: reissued[0].token) != nil)
    }

    /// A store from before officers kept several links: each officer's one link still opens their return.
    @Test func linksIssuedBeforeTheMoveToSeveralStillWork() async throws {
        let location = TestDatabase.fresh(sqlite: FileManager.default.temporaryDirectory.appendingPathComponent("s11-\(UUID().uuidString).sqlite").path)
        let token = "A" + String(repeating: "b", count: 42)
        do {
            let engine: any DatabaseEngine = await TestDatabase.onPostgres ? try PostgresEngine(url: location) : try SQLiteEngine(path: location)
            try await Schema.migrate(engine, upTo: "v23: the plan a board drafts, in its own terms, for a return it reads through a crosswalk")
            try await engine.write { db in
                try await db.execute("INSERT INTO audit (organisation, year, openedAt) VALUES ('Riverside', 2026, '2026-11-01T09:00:00Z')")
                try await db.execute("INSERT INTO officer (auditID, name, email, role, serviceArea) VALUES (1, 'Asha', 'asha@example.org', 'dso', 'Housing')")
                try await db.execute("INSERT INTO invitation (officerID, tokenSHA256, issuedAt) VALUES (1, ?, '2026-11-01T09:00:00Z')",
                                     [InvitationToken.digest(token)])
            }
        }
        let store = try await AuditStore(database: location)
        #expect(try await store.officers.find(token: token)?.officer.email == "asha@example.org")
        #expect(try await store.officers.statuses(auditID: 1).first?.invited == true)
    }

    @Test func returnsAreStoredWholeOrNotAtAll() async throws {
        let (store, audit) = try await storeWithAudit()
        _ = try await store.officers.import(officers, auditID: audit.id)
        let good = OfficerReturn(organisation: audit.organisation, year: 2026, officerEmail: "asha@example.org",
                                 answers: [Answer(questionID: "Q1.1", choice: .option("fully"), evidence: "Policy")])
        let stranger = OfficerReturn(organisation: audit.organisation, year: 2026, officerEmail: "nobody@example.org",
                                     answers: [Answer(questionID: "Q1.1", choice: .option("fully"))])
        await #expect(throws: StoreError.self) {
            try await store.returns.save([good, stranger], auditID: audit.id) { _, _ in .submitted }
        }
        #expect(try await store.returns.stored(audit: audit, includeUnsubmitted: true).allSatisfy { $0.answers.isEmpty })
        try await store.returns.save([good], auditID: audit.id) { _, _ in .submitted }
        let saved = try await store.returns.stored(audit: audit)
        #expect(saved.map(\.officerEmail) == ["asha@example.org"])
        #expect(saved[0].answers == good.answers)
        #expect(try await store.officers.statuses(auditID: audit.id).first { $0.officer.email == "asha@example.org" }?.status == .submitted)
    }

    @Test func anIncompleteReturnIsInProgressAndNotScored() async throws {
        let (store, audit) = try await storeWithAudit()
        _ = try await store.officers.import(officers, auditID: audit.id)
        let partial = OfficerReturn(organisation: audit.organisation, year: 2026, officerEmail: "ben@example.org",
                                    answers: [Answer(questionID: "Q1.1", choice: .option("mostly")),
                                              Answer(questionID: "Q1.2", choice: .unanswered)])
        try await store.returns.save([partial], auditID: audit.id) { _, _ in .inProgress }
        #expect(try await store.officers.statuses(auditID: audit.id).first { $0.officer.email == "ben@example.org" }?.status == .inProgress)
        #expect(try await store.returns.stored(audit: audit).isEmpty)
        #expect(try await store.returns.stored(audit: audit, includeUnsubmitted: true).first { $0.officerEmail == "ben@example.org" }?.answers.count == 2)
    }

    @Test func aPlanIsNotOverwrittenUnlessAsked() async throws {
        let (store, _) = try await storeWithAudit()
        let day = CalendarDate(year: 2026, month: 11, day: 23)!
        var plan = Plan(organisation: "Riverside District Council", title: "Plan", auditYear: 2026, periodStart: day, periodEnd: day,
                        documentControl: DocumentControl(owner: "O", author: "A", version: "0.1", lastReviewed: day, nextReviewDue: day,
                                                         history: []),
                        results: nil, standards: [])
        try await store.plans.save(plan, replace: false)
        plan.title = "Plan v2"
        await #expect(throws: StoreError.self) { try await store.plans.save(plan, replace: false) }
        try await store.plans.save(plan, replace: true)
        #expect(try await store.plans.find(organisation: "riverside district council", year: 2026)?.title == "Plan v2")
    }

    @Test func aMissingAuditOnABoardServerNamesAFewOthersNotThousands() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        for index in 0..<12 {
            _ = try await store.audits.open(organisation: "Organisation \(index)", year: 2026,
                                    files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
        }
        await #expect { try await store.audits.named(organisation: "Nowhere Council", year: nil) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("no audit for Nowhere Council; there are: ") && text.hasSuffix("; and 2 more")
                && text.components(separatedBy: "; ").count == 12          // the sentence, ten audits, how many more
        }
    }

    @Test func anSQLiteFileUsesWriteAheadLogging() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s11-\(UUID().uuidString).sqlite").path
        let store = try await AuditStore(database: path)
        let mode = try await store.engine.read { db in try await db.fetchValue(String.self, "PRAGMA journal_mode", table: "pragma") }
        #expect(mode == "wal")
    }

    @Test func lookupsByOrganisationUseAnIndexWhateverTheCaseOnSQLite() async throws {
        // A board of thousands of organisations: finding one audit or plan must not scan them all.
        let store = try await AuditStore()
        let plans = try await (store.engine as! SQLiteEngine).writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT 1 FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                             arguments: ["x", 2026]).map { $0["detail"] as String }
        }.joined()
        #expect(plans.contains("USING COVERING INDEX planByOrganisation"), "\(plans)")
        let files: [(kind: String, path: String, data: Data)] = [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))]
        let last = try await store.audits.open(organisation: "Riverside District Council", year: 2025, files: files)
        let now = try await store.audits.open(organisation: "RIVERSIDE district council", year: 2026, files: files)
        #expect(try await store.audits.previous(of: now)?.id == last.id)
        #expect(try await store.audits.previous(of: last) == nil)
    }

    @Test func coordinatorsFromBeforeOrganisationsCoordinateTheOnlyOrganisationThereIs() async throws {
        func migrated(organisations: [String]) async throws -> Coordinator? {
            let location = TestDatabase.fresh(sqlite: FileManager.default.temporaryDirectory
                .appendingPathComponent("s11-\(UUID().uuidString).sqlite").path)
            do {
                let engine: any DatabaseEngine = await TestDatabase.onPostgres ? try PostgresEngine(url: location) : try SQLiteEngine(path: location)
                try await Schema.migrate(engine, upTo: "v9: indexes for the case-blind lookups by organisation and e-mail")
                try await engine.write { db in
                    for (index, name) in organisations.enumerated() {
                        try await db.execute("INSERT INTO audit (organisation, year, openedAt) VALUES (?, ?, '2026-11-01T09:00:00Z')",
                                       [name, 2025 + index])
                    }
                    try await db.execute("INSERT INTO coordinator (email, passwordHash, createdAt) VALUES ('lead@riverside.example', 'x', 'now')")
                }
            }
            let store = try await AuditStore(database: location)
            return try await store.accounts.find(session: try store.accounts.startSession(email: "lead@riverside.example"))
        }
        // One organisation (over two years, whatever the case): its coordinator, as before.
        #expect(try await migrated(organisations: ["Riverside District Council", "RIVERSIDE district council"])?.organisation == "Riverside District Council")
        // Several: a board user, who sees summaries and changes nothing, until given an organisation.
        #expect(try await migrated(organisations: ["Riverside District Council", "Hillside Borough Council"])?.isBoard == true)
    }
}
