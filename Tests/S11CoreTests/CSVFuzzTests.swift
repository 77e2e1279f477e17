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
}
