import Testing
import S11Core

/// An export's dates: read from bytes exactly as from text, and packed into 32 bits and back.
@Suite struct ExportDayTests {
    static let texts = ["2026-11-20", "2026-11-20 10:14:03", "2026-11-20T10:15:03Z", "2026-02-30", "2026-13-01", "2026-11-2",
                        "2026-11-20X", "20/11/2026 10:14:03", "11/20/26 10:15 AM", "31/02/2026", "1/2/2026", "20/11/2026",
                        "not a date", "", "0000-01-01", "9999-12-31", "2026/11/20"]

    @Test(arguments: texts)
    func bytesReadAsTheText(text: String) {
        var text = text
        let fromBytes = text.withUTF8 { ExportDay(bytes: UnsafeRawBufferPointer($0)) }
        #expect(fromBytes == ExportDay(text))
    }

    @Test(arguments: texts)
    func aPackedDayReadsBackTheSame(text: String) {
        guard let day = ExportDay(text) else { return }
        #expect(day.packed != 0)
        #expect(ExportDay(packed: day.packed) == day)
    }

    @Test func noDayPacksToNothing() {
        #expect(ExportDay(packed: 0) == nil)
    }

    @Test func anISODateIsWrittenIntoBytes() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 10, alignment: 1)
        defer { buffer.deallocate() }
        for date in [CalendarDate(year: 2026, month: 11, day: 20)!, CalendarDate(year: 987, month: 1, day: 2)!] {
            date.writeISO(into: buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == date.iso)
        }
    }
}
