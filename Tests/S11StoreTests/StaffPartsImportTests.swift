import AsyncAlgorithms
import Foundation
import S11TestSupport
import Testing
@testable import S11Store
import S11Core

/// A large staff export parsed in parts on several threads gives the store the same answer sets,
/// in the same order, as one thread reading it whole: quoted line breaks, doubled quotes, CR LF,
/// blank lines, a byte-order mark and a quote inside an unquoted field included; and a bad
/// answer is reported at its own line.
@Suite struct StaffPartsImportTests {
    let reader = StaffSurveyCSVReader(survey: StaffImportTests.survey, scales: [StaffImportTests.likert],
                                      mapping: ["note": "ignore", "date": "date"])
    /// Parts of about 300 bytes, three at once, from any size: a file of a few hundred kilobytes is cut hundreds of times.
    let inParts = StaffFileReading(chunkBytes: 300, partsFrom: 0, partsAtOnce: 3)
    let whole = StaffFileReading(partsFrom: .max)

    /// A file of `rows` answer sets whose notes hold what can fool a cut: commas, quoted line
    /// breaks of both kinds and doubled quotes; CR LF and LF line ends; blank lines; slashed dates
    /// whose order only the 20th decides.
    func csv(rows: Int, strayQuoteAt stray: Int? = nil, badAt bad: Int? = nil, longNoteAt long: Int? = nil) -> String {
        var text = "\u{FEFF}date,service-area,SC01,SC02,note\r\n"
        for index in 0..<rows {
            let note = switch index % 5 {
            case 0: "\"a note, with a comma\""
            case 1: "\"two lines\nof note\r\nand \"\"a quote\"\" in it\""
            case 2: index == stray ? "6\" ruler" : "plain"
            case 3: "\"\""
            default: ""
            }
            let written = index == long ? "\"" + String(repeating: "a long note, on many lines\n", count: 100) + "\"" : note
            let day = String(format: "%02d/11/2026", index % 20 + 1)
            let first = index == bad ? "maybe" : index % 3 == 0 ? "Disagree" : "agree"
            text += "\(day),\(index % 2 == 0 ? "housing" : "Leisure"),\(first),\(index % 7 == 0 ? "" : "agree"),\(written)"
            text += index % 4 == 0 ? "\r\n" : "\n"
            if index % 97 == 0 { text += "\n" }
        }
        return text
    }

    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s11-parts-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every answer set sent to the store, in the order sent, and what the reading found.
    func read(_ file: String, _ reading: StaffFileReading) async throws -> (sent: StaffAnswerBlock, read: StaffFileReading.FileRead) {
        let codebook = StaffCodebook(survey: reader.survey, scales: reader.scales)
        let channel = AsyncChannel<StaffBatch>()
        async let found = { [reader] in
            defer { channel.finish() }
            return try await reading.read(file, index: 0, reader: reader, codebook: codebook, sending: true, into: channel)
        }()
        var sent = StaffAnswerBlock(width: codebook.questions.count)
        for await batch in channel {
            for row in 0..<batch.block.count { sent.append(codes: batch.block.codes(at: row), day: batch.block.days[row]) }
        }
        return (sent, try await found)
    }

    @Test func partsReadOnSeveralThreadsSendWhatOneThreadSendsInTheSameOrder() async throws {
        let path = try file(csv(rows: 3_000))
        let one = try await read(path, whole)
        let parts = try await read(path, inParts)
        #expect(one.read.parts == 0)
        #expect(parts.read.parts > 300)
        #expect(one.read.problems.isEmpty && parts.read.problems.isEmpty)
        #expect(one.sent.count == 3_000)
        let same = parts.sent == one.sent
        #expect(same, "the answer sets sent differ (\(parts.sent.count) from parts, \(one.sent.count) whole)")
        #expect(parts.read.count == one.read.count)
        #expect(parts.read.sha256 == one.read.sha256)
        #expect(parts.read.dateOrder == .dmy && one.read.dateOrder == .dmy)
    }

    @Test func aQuoteInsideAnUnquotedFieldCannotMisplaceACut() async throws {
        // The stray quote flips the cutter's count: its cuts fall inside quoted notes from there on,
        // which the parts show by not ending between records, and the rest is read whole.
        let path = try file(csv(rows: 3_000, strayQuoteAt: 1_002))
        let one = try await read(path, whole)
        let parts = try await read(path, inParts)
        #expect(one.read.problems.isEmpty && parts.read.problems.isEmpty)
        #expect(parts.read.parts > 100)
        #expect(one.sent.count == 3_000)
        let same = parts.sent == one.sent
        #expect(same, "the answer sets sent differ (\(parts.sent.count) from parts, \(one.sent.count) whole)")
        #expect(parts.read.count == one.read.count)
    }

    @Test(arguments: [nil, 2_503])
    func aBadAnswerFoundInAPartIsReportedAtItsOwnLine(longNoteAt long: Int?) async throws {
        // A note longer than four reads, soon after the bad answer, is read whole: after the part
        // with the bad answer, which still refuses the file.
        let path = try file(csv(rows: 3_000, badAt: 2_500, longNoteAt: long))
        let one = try await read(path, whole)
        let parts = try await read(path, inParts)
        #expect(one.read.problems.count == 1)
        #expect(parts.read.problems == one.read.problems)
        #expect(parts.read.problems.first?.description.contains("'maybe' is not an answer to SC01") == true)
        #expect(parts.read.problems.first?.location.line == one.read.problems.first?.location.line)
    }

    @Test func aQuotedFieldLongerThanFourReadsIsReadWholeAndNothingIsLost() async throws {
        let path = try file(csv(rows: 3_000, longNoteAt: 1_500))
        let one = try await read(path, whole)
        let parts = try await read(path, inParts)
        #expect(one.read.problems.isEmpty && parts.read.problems.isEmpty)
        #expect(one.sent.count == 3_000)
        let same = parts.sent == one.sent
        #expect(same, "the answer sets sent differ (\(parts.sent.count) from parts, \(one.sent.count) whole)")
    }

    @Test func theStoreKeepsTheSameAnswerSetsFromPartsAsFromTheWhole() async throws {
        let path = try file(csv(rows: 2_000))
        var stored: [[String]] = []
        for reading in [inParts, whole] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-parts-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try await AuditStore(database: TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path))
            let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026,
                                                    files: [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))])
            let batches = try await store.staff.importCSV(files: [path], reader: reader, auditID: audit.id, importedBy: "jo", reading: reading)
            #expect(batches.map(\.answerSets) == [2_000])
            stored.append(try await store.staff.responses(auditID: audit.id).map { "\($0.submittedOn?.iso ?? "-") \($0.profile.sorted { $0.key < $1.key }) \($0.answers.sorted { $0.key < $1.key })" }.sorted())
        }
        #expect(stored[0].count == 2_000)
        #expect(stored[0] == stored[1])
    }
}
