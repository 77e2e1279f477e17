import Foundation
import S11TestSupport
import Testing
@testable import S11Store
import S11Core

/// A row that is not what the store wrote (a column renamed or retyped under it, a value s11
/// never writes) is a thrown `StoreError` naming the table and the column, refusing that one
/// request; it neither stops the process nor stands in a value of its own making.
@Suite struct RecordDecodingTests {
    static let officerColumns = ["id", "auditID", "name", "email", "role", "serviceArea", "status", "submittedAt"]
    static let officerValues: [SQLValue] = [.integer(1), .integer(7), .text("Asha Patel"), .text("asha@example.org"), .text("dso"),
                                            .text("Housing"), .text("submitted"), .null]

    /// An officer's row with `column` left out, or given `value` instead.
    static func officerRow(without column: String? = nil, setting value: (column: String, value: SQLValue)? = nil) -> SQLRow {
        var pairs = Array(zip(officerColumns, officerValues)).filter { $0.0 != column }
        if let value, let index = pairs.firstIndex(where: { $0.0 == value.column }) { pairs[index].1 = value.value }
        return SQLRow(columns: SQLColumns(pairs.map(\.0)), values: pairs.map(\.1))
    }

    /// What the `StoreFailure` that `body` throws says.
    static func refusal(_ body: () throws -> Void) throws -> String {
        let error = #expect(throws: StoreFailure.self) { try body() }
        return try #require(error).description
    }

    /// What the `StoreFailure` that `body` throws says.
    static func refusal(_ body: () async throws -> Void) async throws -> String {
        let error = await #expect(throws: StoreFailure.self) { try await body() }
        return try #require(error).description
    }

    @Test func aRecordReadsEveryColumnOfItsRow() throws {
        let officer = try OfficerRow(Self.officerRow())
        #expect(officer.officer == Officer(name: "Asha Patel", email: "asha@example.org", role: "dso", serviceArea: "Housing"))
        #expect(officer.status == .submitted)
        #expect(officer.submittedAt == nil)
        // Whatever the column's case: PostgreSQL hands back its names in lower case.
        let lowered = SQLRow(columns: SQLColumns(Self.officerColumns.map { $0.lowercased() }), values: Self.officerValues)
        #expect(try OfficerRow(lowered).auditID == 7)
    }

    @Test func aColumnMissingIsAnErrorNamingTheTableAndTheColumn() throws {
        #expect(try Self.refusal { _ = try OfficerRow(Self.officerRow(without: "status")) } == "the officer table has no column 'status'")
        #expect(try Self.refusal { _ = try OfficerRow(Self.officerRow(without: "auditID")) } == "the officer table has no column 'auditID'")
    }

    @Test func aValueOfAnotherTypeIsAnErrorNamingTheTableAndTheColumn() throws {
        #expect(try Self.refusal { _ = try OfficerRow(Self.officerRow(setting: ("name", .integer(12)))) }
                == "the officer table's column 'name' holds 12, not text")
        #expect(try Self.refusal { _ = try OfficerRow(Self.officerRow(setting: ("id", .text("seven")))) }
                == "the officer table's column 'id' holds 'seven', not a whole number")
        #expect(try Self.refusal { _ = try OfficerRow(Self.officerRow(setting: ("role", .null))) }
                == "the officer table's column 'role' holds NULL, not text")
    }

    @Test func aWordOrADateTheStoreNeverWritesIsAnErrorNotAValueMadeUp() throws {
        let status = try Self.refusal { _ = try OfficerRow(Self.officerRow(setting: ("status", .text("archived")))) }
        #expect(status == "the officer table's column 'status' holds 'archived', not a return status (not-started, in-progress, submitted)")
        let round = SQLRow(columns: SQLColumns(["id", "board", "year", "deadline", "openedAt", "openedBy"]),
                           values: [.integer(1), .text("Cheshire"), .integer(2026), .text("2026-02-30"), .text("2026-01-05T09:00:00Z"),
                                    .text("board@example.org")])
        #expect(try Self.refusal { _ = try RoundRow(round) } == "the round table's column 'deadline' holds '2026-02-30', not a date (YYYY-MM-DD)")
        let moderation = SQLRow(columns: SQLColumns(["kind", "scopeID", "rag", "option", "reason", "byName", "at"]),
                                values: [.text("service"), .text("S1"), .text("Red"), .null, .text("x"), .text("Panel"), .text("2026-03-01")])
        #expect(try Self.refusal { _ = try ModerationRow(moderation) }
                == "the moderation table's column 'kind' holds 'service', not requirement or standard")
    }

    @Test func aQueryThatIsNotOneTableIsNamedForWhatItGives() throws {
        // The officer's own columns are the officer table's; the counts are the query's.
        let row = Self.officerRow()
        let counted = SQLRow(columns: SQLColumns(Self.officerColumns + ["invited", "answered"]), values: row.values + [.integer(1), .integer(3)])
        #expect(try Self.refusal { _ = try OfficerStatusRow(counted) } == "there is no column 'carried' in the officers' statuses")
        let withoutName = Self.officerRow(without: "name")
        let countedWithoutName = SQLRow(columns: SQLColumns(withoutName.columns.names + ["invited", "answered", "carried"]),
                                        values: withoutName.values + [.integer(1), .integer(3), .integer(0)])
        #expect(try Self.refusal { _ = try OfficerStatusRow(countedWithoutName) } == "the officer table has no column 'name'")
    }

    @Test func aSingleValueOfAnotherTypeIsAnErrorNamingTheTableAndTheColumn() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: [])
        _ = try await store.officers.import([Officer(name: "Asha Patel", email: "asha@example.org", role: "dso", serviceArea: "Housing")],
                                           auditID: audit.id)
        let message = try await Self.refusal {
            _ = try await store.engine.read { db in try await db.fetchColumn(Int64.self, "SELECT name FROM officer", table: "officer") }
        }
        #expect(message == "the officer table's column 'name' holds 'Asha Patel', not a whole number")
    }

    // MARK: Through the store's own calls, on a store altered under it

    func storeWithOfficers() async throws -> (AuditStore, AuditRecord) {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: [])
        _ = try await store.officers.import([Officer(name: "Asha Patel", email: "asha@example.org", role: "dso", serviceArea: "Housing")],
                                           auditID: audit.id)
        return (store, audit)
    }

    @Test func aColumnRenamedUnderTheStoreRefusesTheRequestAndNothingElse() async throws {
        let (store, audit) = try await storeWithOfficers()
        try await store.engine.write { try await $0.execute("ALTER TABLE officer RENAME COLUMN status TO state") }
        let message = try await Self.refusal { _ = try await store.officers.statuses(auditID: audit.id) }
        #expect(message == "the officer table has no column 'status'")
        // The process and the store go on: what does not read the column still answers.
        #expect(try await store.audits.all() == [audit])
    }

    @Test func aColumnRetypedUnderTheStoreIsAnErrorNotACrash() async throws {
        let (store, audit) = try await storeWithOfficers()
        try await store.engine.write { db in
            if db.dialect == .postgres { try await db.execute("ALTER TABLE audit ALTER COLUMN year TYPE TEXT") }
            try await db.execute("UPDATE audit SET year = 'next year'")
        }
        let message = try await Self.refusal { _ = try await store.audits.all() }
        #expect(message == "the audit table's column 'year' holds 'next year', not a whole number")
        #expect(try await store.officers.all(auditID: audit.id).map(\.email) == ["asha@example.org"])
    }

    @Test func aStatusOrADateTheStoreNeverWroteIsAnErrorNotAValueMadeUp() async throws {
        let (store, audit) = try await storeWithOfficers()
        try await store.engine.write { try await $0.execute("UPDATE officer SET status = 'archived'") }
        let status = try await Self.refusal { _ = try await store.officers.statuses(auditID: audit.id) }
        #expect(status.hasPrefix("the officer table's column 'status' holds 'archived', not a return status"))

        _ = try await store.rounds.open(board: "Cheshire Safeguarding Board", year: 2027, deadline: try #require(CalendarDate(iso: "2027-03-31")),
                                      files: [], members: [], openedBy: "board@example.org")
        try await store.engine.write { try await $0.execute("UPDATE round SET deadline = 'end of March'") }
        let deadline = try await Self.refusal { _ = try await store.rounds.all() }
        #expect(deadline == "the round table's column 'deadline' holds 'end of March', not a date (YYYY-MM-DD)")
    }
}
