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

    /// The day, in `order` for a slashed date; nil when it is no date in that order.
    public func day(in order: DateOrder?) -> CalendarDate? {
        switch self {
        case .known(let date): return date
        case .slashed(let first, let second, let year): return order.flatMap { Self.date(first, second, year, $0) }
        }
    }

    /// Whether the day is a real date in `order`.
    public func fits(_ order: DateOrder) -> Bool { day(in: order) != nil }

    /// As stored before the file's order is known: `2026-11-20`, or `FF/SS/YYYY` (see `resolvedSQL`).
    public var storedText: String {
        switch self {
        case .known(let date): return date.iso
        case .slashed(let first, let second, let year): return Self.two(first) + "/" + Self.two(second) + "/" + String(year)
        }
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    private static func date(_ first: Int, _ second: Int, _ year: Int, _ order: DateOrder) -> CalendarDate? {
        let (day, month) = order == .dmy ? (first, second) : (second, first)
        guard year >= 1900 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
