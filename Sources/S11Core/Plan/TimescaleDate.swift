import Foundation

/// The due date a timescale in words means within a plan's period, as a council reads it: the
/// month it names ("April", "June 2027", "Before the first committee, June": the end of that
/// month, the first one in the period), or the period's end for the year round ("All year",
/// "Quarterly meetings", "Monthly", "On-going"). Nil when the words name no time s11 can read.
public enum TimescaleDate {
    public static func due(_ words: String, periodStart: CalendarDate, periodEnd: CalendarDate) -> CalendarDate? {
        let text = words.lowercased()
        let tokens = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if let (index, month) = tokens.enumerated().compactMap({ offset, token -> (Int, Int)? in
            CalendarDate.monthNames.firstIndex { $0.lowercased() == token }.map { (offset, $0 + 1) }
        }).last {
            let year = tokens.dropFirst(index + 1).first.flatMap { Int($0) }.flatMap { (1900...2200).contains($0) ? $0 : nil }
            var candidate = monthEnd(year: year ?? periodStart.year, month: month)
            if year == nil && candidate < periodStart { candidate = monthEnd(year: periodStart.year + 1, month: month) }
            return candidate
        }
        let yearRound = ["all year", "year round", "ongoing", "on-going", "quarterly", "monthly", "weekly", "annual", "each", "every", "twice a year"]
        if yearRound.contains(where: { text.contains($0) }) { return periodEnd }
        return nil
    }

    private static func monthEnd(year: Int, month: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!.adding(months: 1).adding(days: -1)
    }
}
