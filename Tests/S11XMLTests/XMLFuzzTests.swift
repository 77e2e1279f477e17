import Foundation
import S11Core
import S11TestSupport
import Testing
@testable import S11XML

/// A fixed-seed mutation fuzz of every XML reader: mangled returns, plans and content files are
/// read or refused with diagnostics; none may crash, hang, fetch anything or expand entities.
@Suite struct XMLFuzzTests {
    /// S11_FUZZ_SCALE=N runs N times as many inputs, for a long run outside the everyday suite.
    static let scale = Int(ProcessInfo.processInfo.environment["S11_FUZZ_SCALE"] ?? "") ?? 1
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func fuzz(_ path: String, iterations: Int, seed: UInt64, _ read: (Data) throws(DiagnosticsError) -> Void) throws -> Int {
        let input = Array(try Data(contentsOf: Self.root.appendingPathComponent(path)))
        var mutator = Mutator(seed: seed)
        var refused = 0
        for _ in 0..<iterations {
            do {
                try read(Data(mutator.mutate(input)))
            } catch {
                #expect(!error.diagnostics.isEmpty, "a refusal must say why")
                refused += 1
            }
        }
        return refused
    }

    @Test func returnsPlansAndContent() throws {
        #expect(try fuzz("Examples/returns/owen-price.xml", iterations: 800 * Self.scale, seed: 11) { data throws(DiagnosticsError) in
            _ = try ReturnXML().read(data: data, file: "return.xml")
        } > 0)
        #expect(try fuzz("Examples/plans/oxford-city-2021-22.xml", iterations: 400 * Self.scale, seed: 12) { data throws(DiagnosticsError) in
            _ = try PlanXML().read(data: data, file: "plan.xml")
        } > 0)
        #expect(try fuzz("Surveys/scales.xml", iterations: 800 * Self.scale, seed: 13) { data throws(DiagnosticsError) in
            _ = try ContentLoader.read(data: data, path: "scales.xml")
        } > 0)
    }
}
