import Foundation

/// The days reminders may go: Monday to Friday except the bank holidays listed (England and
/// Wales's, from GOV.UK, unless the content replaces the list).
public struct WorkingDays: Sendable, Hashable {
    /// Each bank holiday and its name ("New Year's Day").
    public let bankHolidays: [CalendarDate: String]

    public init(bankHolidays: [CalendarDate: String]) {
        self.bankHolidays = bankHolidays
    }

    /// Whether `day` is a working day.
    public func contains(_ day: CalendarDate) -> Bool {
        !day.isWeekend && bankHolidays[day] == nil
    }

    /// `day` if it is a working day, else the nearest working day before it.
    public func onOrBefore(_ day: CalendarDate) -> CalendarDate {
        var day = day
        while !contains(day) { day = day.adding(days: -1) }
        return day
    }

    /// `day` if it is a working day, else the nearest working day after it.
    public func onOrAfter(_ day: CalendarDate) -> CalendarDate {
        var day = day
        while !contains(day) { day = day.adding(days: 1) }
        return day
    }

    /// Why `day` is not a working day, in words ("a Saturday", "New Year's Day"); nil when it is one.
    public func reasonClosed(_ day: CalendarDate) -> String? {
        if let name = bankHolidays[day] { return name.isEmpty ? "a bank holiday" : name }
        return day.isWeekend ? "a \(day.weekdayName)" : nil
    }

    /// Reads a list of bank holidays: one a line, `YYYY-MM-DD` then the holiday's name; blank
    /// lines and lines starting `#` are skipped. A line that is not one is an error naming it.
    public static func parse(_ text: String, file: String) throws -> WorkingDays {
        var holidays: [CalendarDate: String] = [:]
        var problems: [Diagnostic] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let column = (rawLine.firstIndex { !$0.isWhitespace }.map { rawLine.distance(from: rawLine.startIndex, to: $0) } ?? 0) + 1
            let first = line.prefix { !$0.isWhitespace }
            guard let day = CalendarDate(iso: String(first)) else {
                problems.append(Diagnostic(SourceLocation(file: file, line: index + 1, column: column),
                                           "'\(first)' is not a date: write each bank holiday as YYYY-MM-DD and its name, for example 2027-01-01 New Year's Day"))
                continue
            }
            holidays[day] = line.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        return WorkingDays(bankHolidays: holidays)
    }
}
