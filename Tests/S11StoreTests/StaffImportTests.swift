import Foundation
import S11TestSupport
import Testing
@testable import S11Store
import S11Core

/// Staff answers in the store: the chunked CSV import keeps everything or nothing, the packed
/// codes read back as the answers given, and databases from before the packing keep their answers.
@Suite struct StaffImportTests {
    static let likert = Scale(id: "likert5", label: "Agreement", options: [
        ScaleOption(value: "agree", label: "Agree", score: 2, agrees: true),
        ScaleOption(value: "disagree", label: "Disagree", score: 1),
    ])
    static let survey = Survey(
        id: "staff-confidence", version: "1", kind: .staffConfidence, catalogueID: "c", title: "Staff survey",
        profile: [ProfileChoice(id: "service-area", label: "Which service area do you mainly work in?",
                                options: [("housing", "Housing"), ("leisure", "Leisure")])],
        statements: [Statement(id: "SC01", text: "I know who my safeguarding lead is.", scaleID: "likert5", targetPercent: 80),
                     Statement(id: "SC02", text: "I would raise a concern.", scaleID: "likert5", targetPercent: 80)])
    let reader = StaffSurveyCSVReader(survey: Self.survey, scales: [Self.likert], mapping: ["note": "ignore"])

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s11-staff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func audit(_ store: AuditStore, year: Int = 2026) async throws -> AuditRecord {
        try await store.audits.open(organisation: "Riverside District Council", year: year,
                            files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
    }

    /// A CSV of `rows` answer sets, several mebibytes so that it is read and stored in many batches.
    func csv(rows: Int, badAt bad: Int? = nil) -> String {
        var text = "service-area,SC01,SC02,note\n"
        let note = String(repeating: "x", count: 200)                         // a dropped column, to make the file long
        for index in 0..<rows {
            text += "\(index % 2 == 0 ? "housing" : "Leisure"),\(index == bad ? "maybe" : index % 3 == 0 ? "disagree" : "agree"),agree,\(note)\n"
        }
        return text
    }

    @Test func aLargeExportIsStoredWholeAndCountsAsTheAnswersDo() async throws {
        let folder = try folder()
        let store = try await AuditStore(database: TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path))
        let audit = try await audit(store)
        let file = folder.appendingPathComponent("staff.csv")
        try csv(rows: 30_000).write(to: file, atomically: true, encoding: .utf8)     // about 6.5 MiB
        let batches = try await store.staff.importCSV(files: [file.path], reader: reader, auditID: audit.id, importedBy: "jo")
        #expect(batches.map(\.answerSets) == [30_000])

        let stored = try await store.staff.responses(auditID: audit.id)
        #expect(stored.count == 30_000)
        let calculator = StaffResultsCalculator(survey: Self.survey, scales: [Self.likert])
        let counted = await calculator.results(try store.staff.tally(auditID: audit.id, survey: Self.survey, scales: [Self.likert]))
        #expect(counted == calculator.results(stored))
        #expect(counted.statement("SC01")?.overall.agreeing == Proportion(count: 20_000, total: 30_000))
        #expect(counted.serviceAreas.map(\.respondents) == [15_000, 15_000])
    }

    @Test func oneBadAnswerNearTheEndStoresNothingFromAnyFile() async throws {
        let folder = try folder()
        let store = try await AuditStore(database: TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path))
        let audit = try await audit(store)
        let good = folder.appendingPathComponent("good.csv"), bad = folder.appendingPathComponent("bad.csv")
        try csv(rows: 20_000).write(to: good, atomically: true, encoding: .utf8)
        try csv(rows: 20_000, badAt: 19_990).write(to: bad, atomically: true, encoding: .utf8)
        await #expect {
            try await store.staff.importCSV(files: [good.path, bad.path], reader: reader, auditID: audit.id, importedBy: "jo")
        } throws: { error in
            "\(error)" == "\(bad.path):19992:9: error: 'maybe' is not an answer to SC01; use one of: Agree, Disagree"
        }
        #expect(try await store.staff.responses(auditID: audit.id).isEmpty)

        let empty = folder.appendingPathComponent("empty.csv")
        try "service-area,SC01,SC02\n".write(to: empty, atomically: true, encoding: .utf8)
        await #expect(throws: DiagnosticsError.self) { try await store.staff.importCSV(files: [good.path, empty.path], reader: reader, auditID: audit.id, importedBy: "jo") }
        #expect(try await store.staff.responses(auditID: audit.id).isEmpty)
        #expect(try await store.staff.importBatches(auditID: audit.id).isEmpty)
        await #expect(throws: DiagnosticsError.self) {
            try await store.staff.importCSV(files: [folder.appendingPathComponent("missing.csv").path], reader: reader, auditID: audit.id, importedBy: "jo")
        }
    }

    @Test func answersStoredBeforeThePackingAreKept() async throws {
        let folder = try folder()
        let path = TestDatabase.fresh(sqlite: folder.appendingPathComponent("old.sqlite").path)
        do {
            let engine: any DatabaseEngine = await TestDatabase.onPostgres ? try PostgresEngine(url: path) : try SQLiteEngine(path: path)
            try await Schema.migrate(engine, upTo: "v7: coordinators and their sessions")
            try await engine.write { db in
                try await db.execute("INSERT INTO audit (id, organisation, year, openedAt) VALUES (1, 'Riverside', 2025, '2025-11-01T09:00:00Z')")
                try await db.execute("INSERT INTO audit (id, organisation, year, openedAt) VALUES (2, 'Riverside', 2026, '2026-11-01T09:00:00Z')")
                try await db.execute("""
                    INSERT INTO staffResponse (id, auditID, submittedOn, profile, answers) VALUES
                      (?, 1, '2025-11-20', '{"service-area":"housing"}', '{"SC01":"agree","SC02":"disagree"}'),
                      (?, 1, NULL, '{}', '{"SC02":"agree"}'),
                      (?, 2, '2026-11-21', '{"role":"manager"}', '{"SC01":"disagree"}')
                    """, [Data([1]), Data([2]), Data([3])])
            }
        }
        let store = try await AuditStore(database: path)
        let last = await Set(try store.staff.responses(auditID: 1))
        #expect(last == [StaffResponse(profile: ["service-area": "housing"], answers: ["SC01": "agree", "SC02": "disagree"],
                                       submittedOn: CalendarDate(iso: "2025-11-20")),
                         StaffResponse(profile: [:], answers: ["SC02": "agree"])])
        #expect(try await store.staff.responses(auditID: 2) == [StaffResponse(profile: ["role": "manager"], answers: ["SC01": "disagree"],
                                                                        submittedOn: CalendarDate(iso: "2026-11-21"))])
        // New answers go on being packed with the codebook the migration built.
        try await store.staff.saveResponses([StaffResponse(profile: ["service-area": "leisure"], answers: ["SC01": "agree"])], auditID: 1)
        #expect(try await store.staff.responses(auditID: 1).count == 3)
    }

    @Test func aFileImportedTwiceIsRefusedUnlessOnPurposeAndABatchCanBeTakenBack() async throws {
        let folder = try folder()
        let store = try await AuditStore(database: TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path))
        let audit = try await audit(store), other = try await self.audit(store, year: 2025)
        let first = folder.appendingPathComponent("first.csv"), second = folder.appendingPathComponent("second.csv")
        try csv(rows: 300).write(to: first, atomically: true, encoding: .utf8)
        try csv(rows: 120).write(to: second, atomically: true, encoding: .utf8)
        let day = CalendarDate(iso: "2026-11-21")!
        let batch = try #require(try await store.staff.importCSV(files: [first.path], reader: reader, auditID: audit.id, importedBy: "jo", today: day).first)
        #expect(batch.fileName == "first.csv" && batch.answerSets == 300 && batch.importedBy == "jo" && batch.importedOn == day)
        #expect(batch.sha256 == HexDigest.sha256(try Data(contentsOf: first)))

        // The same bytes again, under another name: refused, naming the earlier batch; nothing stored.
        let copy = folder.appendingPathComponent("copy.csv")
        try FileManager.default.copyItem(at: first, to: copy)
        await #expect {
            try await store.staff.importCSV(files: [second.path, copy.path], reader: reader, auditID: audit.id, importedBy: "jo")
        } throws: { error in
            "\(error)".hasPrefix("\(copy.path):1:1: error: this file was imported into this audit before, as batch \(batch.id) ('first.csv', 300 answer sets, on 2026-11-21 by jo)")
        }
        #expect(try await store.staff.responses(auditID: audit.id).count == 300)
        // Into another audit it is new; and on purpose it goes in again.
        #expect(try await store.staff.importCSV(files: [copy.path], reader: reader, auditID: other.id, importedBy: "jo").count == 1)
        let again = try await store.staff.importCSV(files: [copy.path, second.path], reader: reader, auditID: audit.id, importedBy: "sam", again: true)
        #expect(again.map(\.answerSets) == [300, 120])
        #expect(try await store.staff.responses(auditID: audit.id).count == 720)
        #expect(try await store.staff.importBatches(auditID: audit.id).map(\.id) == [batch.id] + again.map(\.id))

        // Undo takes exactly one batch's rows, and only from its own audit.
        await #expect(throws: StoreError.self) { try await store.staff.undoImport(batchID: again[0].id, auditID: other.id) }
        let undone = try await store.staff.undoImport(batchID: again[0].id, auditID: audit.id)
        #expect(undone.answerSets == 300)
        #expect(try await store.staff.responses(auditID: audit.id).count == 420)
        #expect(try await store.staff.responses(auditID: other.id).count == 300)
        #expect(try await store.staff.importBatches(auditID: audit.id).map(\.id) == [batch.id, again[1].id])
        // Web answers have no batch, and undoing every batch leaves them.
        try await store.staff.saveResponses([StaffResponse(profile: [:], answers: ["SC01": "agree"])], auditID: audit.id)
        try await store.staff.undoImport(batchID: batch.id, auditID: audit.id)
        try await store.staff.undoImport(batchID: again[1].id, auditID: audit.id)
        #expect(try await store.staff.responses(auditID: audit.id).count == 1)
    }

    @Test func slashedDatesAreStoredInTheOrderTheWholeFileDecides() async throws {
        let folder = try folder()
        let store = try await AuditStore(database: TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path))
        let audit = try await audit(store)
        let reader = StaffSurveyCSVReader(survey: Self.survey, scales: [Self.likert], mapping: ["date": "date"])
        // A UK export: every day ambiguous but one, and that one (20/11) says day first.
        var text = "date,service-area,SC01,SC02\n"
        for day in 1...12 { text += String(format: "%02d/11/2026 10:14:03,housing,agree,agree\n", day) }
        text += "20/11/2026 10:14:03,housing,agree,agree\n"
        let file = folder.appendingPathComponent("uk.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try await store.staff.importCSV(files: [file.path], reader: reader, auditID: audit.id, importedBy: "jo")
        let days = await Set(try store.staff.responses(auditID: audit.id).compactMap(\.submittedOn))
        #expect(days == Set((1...12).map { CalendarDate(year: 2026, month: 11, day: $0)! } + [CalendarDate(year: 2026, month: 11, day: 20)!]))
    }

    @Test func aBatchWhoseAnswersThePurgeRemovedIsNoLongerListed() async throws {
        let folder = try folder()
        let store = try await AuditStore(database: TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path))
        let audit = try await audit(store, year: 2019)
        let reader = StaffSurveyCSVReader(survey: Self.survey, scales: [Self.likert])
        let old = folder.appendingPathComponent("old.csv"), recent = folder.appendingPathComponent("recent.csv")
        try "date,service-area,SC01,SC02\n2019-11-20,housing,agree,agree\n".write(to: old, atomically: true, encoding: .utf8)
        try "date,service-area,SC01,SC02\n2026-11-20,housing,agree,agree\n".write(to: recent, atomically: true, encoding: .utf8)
        let batches = try await store.staff.importCSV(files: [old.path, recent.path], reader: reader, auditID: audit.id, importedBy: "jo")
        let today = Calendar(identifier: .gregorian).date(from: DateComponents(year: 2026, month: 11, day: 29))!
        #expect(try await store.care.deleteStaffResponses(olderThan: 3, today: today) == 1)
        #expect(try await store.staff.importBatches(auditID: audit.id).map(\.id) == [batches[1].id])
    }
}
