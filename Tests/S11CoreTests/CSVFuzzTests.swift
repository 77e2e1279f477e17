import Foundation
import S11TestSupport
import Testing
@testable import S11Core

/// A fixed-seed mutation fuzz of every CSV reader: each mangled file is read or refused with
/// diagnostics; none may crash or hang. Inputs that once crashed are kept below.
@Suite("CSV fuzzing")
struct CSVFuzzTests {
    /// S11_FUZZ_SCALE=N runs N times as many inputs, for a long run outside the everyday suite.
    static let scale = Int(ProcessInfo.processInfo.environment["S11_FUZZ_SCALE"] ?? "") ?? 1
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ path: String, lines: Int = 40) throws -> [UInt8] {
        let text = try String(contentsOf: root.appendingPathComponent("Examples/\(path)"), encoding: .utf8)
        return Array(text.components(separatedBy: "\r\n").joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .prefix(lines).joined(separator: "\n").utf8)
    }

    /// Runs `read` on `iterations` mutations of `seed`, counting reads and refusals.
    func fuzz(_ seed: [UInt8], iterations: Int, seedValue: UInt64, _ read: (String) throws(DiagnosticsError) -> Void) -> (read: Int, refused: Int) {
        var mutator = Mutator(seed: seedValue)
        var counts = (read: 0, refused: 0)
        for _ in 0..<iterations {
            let text = String(decoding: mutator.mutate(seed), as: UTF8.self)
            do {
                try read(text)
                counts.read += 1
            } catch {
                #expect(!error.diagnostics.isEmpty, "a refusal must say why")
                counts.refused += 1
            }
        }
        return counts
    }

    @Test func officerListsReturnsAndStaffExports() throws {
        let officers = try Self.example("officers.csv")
        let survey = Survey(id: "self", version: "1", kind: .selfAssessment, catalogueID: "c", title: "t",
                            roles: [Role(id: "dso", label: "DSO"), Role(id: "champion", label: "Champion")])
        let officerCounts = fuzz(officers, iterations: 1500 * Self.scale, seedValue: 1) { text throws(DiagnosticsError) in
            _ = try OfficerListReader(survey: survey).officers(fromCSV: text, file: "officers.csv")
        }
        #expect(officerCounts.read + officerCounts.refused == 1500 * Self.scale)
        #expect(officerCounts.refused > 0)

        let returns = Array("officer_email,question,option,evidence,example,reason\nben@x.org,Q1.1,fully,\"Minutes, March\",Joint audit,\ncara@x.org,Q2.1,na,,,\"No volunteers\"\n".utf8)
        let returnCounts = fuzz(returns, iterations: 1500 * Self.scale, seedValue: 2) { text throws(DiagnosticsError) in
            _ = try ReturnCSVReader(organisation: "Riverside", year: 2026).returns(fromCSV: text, file: "returns.csv")
        }
        #expect(returnCounts.read + returnCounts.refused == 1500 * Self.scale)

        let staff = try Self.example("staff/surveymonkey-2026.csv", lines: 12)
        let reader = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert],
                                          mapping: ["Which best describes your role?": "ignore", "How far do you agree with each of these statements?": "ignore"])
        let staffCounts = fuzz(staff, iterations: 600 * Self.scale, seedValue: 3) { text throws(DiagnosticsError) in
            _ = try reader.responses(fromCSV: text, file: "staff.csv")
        }
        #expect(staffCounts.read + staffCounts.refused == 600 * Self.scale)
    }

    /// What a staff import makes of `bytes` fed in chunks of the given sizes (cycled): the packed
    /// rows, or every problem (callers store nothing then), or the error that stopped it.
    static func importing(_ bytes: [UInt8], chunks sizes: [Int], reader: StaffSurveyCSVReader, codebook: StaffCodebook) -> String {
        var reading = StaffCSVImport(reader: reader, codebook: codebook, file: "staff.csv")
        var rows: [StaffCSVImport.Row] = []
        var start = 0, turn = 0
        do {
            while start < bytes.count {
                let end = min(bytes.count, start + sizes[turn % sizes.count])
                try bytes[start..<end].withUnsafeBytes { try reading.feed($0) }
                rows += reading.takeRows()
                start = end
                turn += 1
            }
            try reading.finish()
        } catch {
            return "stopped: \(error)"
        }
        rows += reading.takeRows()
        return reading.problems.isEmpty ? "\(rows)" : "refused: \(reading.problems)"
    }

    @Test func rawBytesReadTheSameInAnyChunks() {
        // Mangled bytes (broken UTF-8 included, not smoothed into a String first), fed whole and
        // fed in odd chunks: the same rows and the same problems, and no crash.
        let staff = (try? Self.example("staff/surveymonkey-2026.csv", lines: 12)) ?? []
        let reader = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert],
                                          mapping: ["Which best describes your role?": "ignore", "How far do you agree with each of these statements?": "ignore"])
        let codebook = StaffCodebook(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        var mutator = Mutator(seed: 7)
        for _ in 0..<(300 * Self.scale) {
            let bytes = mutator.mutate(staff)
            let sizes = (0..<3).map { _ in 1 + mutator.below(64) }
            let whole = Self.importing(bytes, chunks: [max(bytes.count, 1)], reader: reader, codebook: codebook)
            #expect(Self.importing(bytes, chunks: sizes, reader: reader, codebook: codebook) == whole, "chunks of \(sizes)")
        }
    }
}
