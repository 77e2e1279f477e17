import Foundation
import Testing
@testable import S11Store
import S11Core

/// The import's sort: every answer set comes back once, in the order of its fresh random key and
/// not of the file, whether it fits in one run or spills to several on disk.
@Suite struct StaffAnswerSortTests {
    /// Two files' answer sets, each with distinct codes and a day, in blocks of 250.
    func blocks() -> [(file: Int, block: StaffAnswerBlock)] {
        (0..<12).map { index in
            var block = StaffAnswerBlock(width: 3)
            for row in 0..<250 {
                let number = index * 250 + row
                block.append(codes: [UInt8(number % 251), UInt8(number / 251), UInt8(index)],
                             day: ExportDay.known(CalendarDate(year: 2026, month: 11, day: 1 + number % 28)!).packed)
            }
            return (index % 2, block)
        }
    }

    func sorted(runBytes: Int) throws -> [(key: [UInt8], file: Int, day: UInt32, codes: [UInt8])] {
        let sort = StaffAnswerSort(width: 3, runBytes: runBytes)
        for (file, block) in blocks() { try sort.add(block, file: file) }
        try sort.finish()
        var out: [(key: [UInt8], file: Int, day: UInt32, codes: [UInt8])] = []
        while let record = try sort.next() { out.append((Array(record.key), record.file, record.day, Array(record.codes))) }
        return out
    }

    @Test(arguments: [12 << 20, 1_000, 25 * 7])
    func everyAnswerSetComesBackOnceInKeyOrder(runBytes: Int) throws {
        let out = try sorted(runBytes: runBytes)
        #expect(out.count == 3_000)
        let prefixes = out.map { $0.key.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        #expect(prefixes == prefixes.sorted())
        #expect(Set(out.map(\.key)).count == 3_000)
        let given = blocks().flatMap { file, block in (0..<block.count).map { "\(file) \(block.days[$0]) \(Array(block.codes(at: $0)))" } }
        #expect(out.map { "\($0.file) \($0.day) \($0.codes)" }.sorted() == given.sorted())
        // Not the file's order: the first block's answer sets are spread through the whole.
        let firstBlock = out.enumerated().filter { $0.element.codes[2] == 0 }.map(\.offset)
        #expect(firstBlock.last! > 2_000)
    }

    @Test func nothingAddedGivesNothing() throws {
        let sort = StaffAnswerSort(width: 3, runBytes: 1_000)
        try sort.finish()
        #expect(try sort.next() == nil)
    }
}
