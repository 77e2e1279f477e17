import Foundation

/// A date without a time or time zone, as plans and audits use them (`2027-03-31`).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: timeZone, from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Writes `YYYY-MM-DD` into the first ten bytes of `buffer`, making no string.
    public func writeISO(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= 10, "an ISO date is ten bytes")
        func digits(_ value: Int, _ count: Int, at offset: Int) {
            var value = value
            for index in stride(from: offset + count - 1, through: offset, by: -1) {
                buffer[index] = UInt8(0x30 + value % 10)
                value /= 10
            }
        }
        digits(year, 4, at: 0)
        buffer[4] = 0x2D
        digits(month, 2, at: 5)
        buffer[7] = 0x2D
        digits(day, 2, at: 8)
    }

    public var description: String { iso }

    /// The moment the day begins in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantFuture
    }

    /// "January 2027".
    public var monthAndYear: String { "\(Self.monthNames[month - 1]) \(year)" }

    /// "30 June 2027", as committee papers write dates.
    public var spelledOut: String { "\(day) \(monthAndYear)" }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` later, clamped to the end of a shorter month
    /// and to the years 1-9999 that a date can hold.
    public func adding(months: Int) -> CalendarDate {
        let index = min(max(year * 12 + (month - 1) + months, 12), 9999 * 12 + 11)
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }

    /// The day `days` later (or earlier), clamped to the years 1-9999.
    public func adding(days: Int) -> CalendarDate {
        var result = self
        var remaining = days
        while remaining > 0 {
            if result.day < CalendarDate.daysIn(month: result.month, year: result.year) {
                result.day += 1
            } else if result.month < 12 {
                result = CalendarDate(year: result.year, month: result.month + 1, day: 1)!
            } else if result.year < 9999 {
                result = CalendarDate(year: result.year + 1, month: 1, day: 1)!
            } else {
                break
            }
            remaining -= 1
        }
        while remaining < 0 {
            if result.day > 1 {
                result.day -= 1
            } else if result.month > 1 {
                result = CalendarDate(year: result.year, month: result.month - 1,
                                      day: CalendarDate.daysIn(month: result.month - 1, year: result.year))!
            } else if result.year > 1 {
                result = CalendarDate(year: result.year - 1, month: 12, day: 31)!
            } else {
                break
            }
            remaining += 1
        }
        return result
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
