/// The day of an answer set as an export wrote it: a whole date, or a slashed date whose day and
/// month order the file as a whole decides (`StaffCSVImport.dateOrder`).
public enum ExportDay: Sendable, Hashable {
    case known(CalendarDate)
    case slashed(first: Int, second: Int, year: Int)

    /// Reads `2026-11-20`, `2026-11-20T10:15:03`, `20/11/2026 10:14:03` or `11/20/26 10:15 AM`;
    /// nil for anything else.
    public init?(_ text: String) {
        let datePart = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        if datePart.count == 10, let iso = CalendarDate(iso: datePart) {
            self = .known(iso)
            return
        }
        let parts = datePart.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let first = Int(parts[0]), let second = Int(parts[1]), var year = Int(parts[2]),
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4 else { return nil }
        if year < 100 { year += 2000 }
        guard DateOrder.allCases.contains(where: { Self.date(first, second, year, $0) != nil }) else { return nil }
        self = .slashed(first: first, second: second, year: year)
    }

    /// Reads the export's bytes as `init?(_:)` reads its text, without making a string for the
    /// common `2026-11-20` (alone or before a time).
    public init?(bytes: UnsafeRawBufferPointer) {
        func digit(_ index: Int) -> Int? {
            let byte = bytes[index]
            return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
        }
        if bytes.count >= 10, bytes.count == 10 || bytes[10] == 0x20 || bytes[10] == 0x54, bytes[4] == 0x2D, bytes[7] == 0x2D,
           let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
           let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) {
            guard let date = CalendarDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1) else { return nil }
            self = .known(date)
            return
        }
        self.init(String(decoding: bytes, as: UTF8.self))
    }

    /// The day in 32 bits, for answer sets packed back to back (`init?(packed:)` reads it back).
    public var packed: UInt32 {
        switch self {
        case .known(let date): return 1 << 30 | UInt32(date.year) << 16 | UInt32(date.month) << 8 | UInt32(date.day)
        case .slashed(let first, let second, let year): return 2 << 30 | UInt32(year) << 16 | UInt32(first) << 8 | UInt32(second)
        }
    }

    /// The day `packed` gave; nil for 0 (no day).
    public init?(packed: UInt32) {
        let year = Int(packed >> 16 & 0x3FFF), high = Int(packed >> 8 & 0xFF), low = Int(packed & 0xFF)
        switch packed >> 30 {
        case 1:
            guard let date = CalendarDate(year: year, month: high, day: low) else { return nil }
            self = .known(date)
        case 2: self = .slashed(first: high, second: low, year: year)
        default: return nil
        }
    }

    /// The day, in `order` for a slashed date; nil when it is no date in that order.
    public func day(in order: DateOrder?) -> CalendarDate? {
        switch self {
        case .known(let date): return date
        case .slashed(let first, let second, let year): return order.flatMap { Self.date(first, second, year, $0) }
        }
    }

    /// Whether the day is a real date in `order`.
    public func fits(_ order: DateOrder) -> Bool { day(in: order) != nil }

    private static func date(_ first: Int, _ second: Int, _ year: Int, _ order: DateOrder) -> CalendarDate? {
        let (day, month) = order == .dmy ? (first, second) : (second, first)
        guard year >= 1900 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
