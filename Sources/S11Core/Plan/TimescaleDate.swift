import Foundation

/// The due date a timescale in words means within a plan's period, as a council reads it: work
/// that goes on ("On-going", "April 2015 then on-going", "All year") is due at the period's end;
/// else the last month named ("April", "Oct 2015", "Before the first committee, June": the end
/// of that month, the first one in the period); else the period's end for regular work
/// ("Quarterly meetings", "Monthly"). Nil when the words name no time s11 can read.
public enum TimescaleDate {
    /// Month names and the short forms the seeds use ("Jan 2022", "Sept 2021").
    private static let months: [String: Int] = {
        var names: [String: Int] = [:]
        for (index, name) in CalendarDate.monthNames.enumerated() {
            names[name.lowercased()] = index + 1
            names[String(name.lowercased().prefix(3))] = index + 1
        }
        names["sept"] = 9
        return names
    }()

    public static func due(_ words: String, periodStart: CalendarDate, periodEnd: CalendarDate) -> CalendarDate? {
        let text = words.lowercased()
        if ["ongoing", "on-going", "on going", "all year", "year round"].contains(where: { text.contains($0) }) { return periodEnd }
        let tokens = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if let (index, month) = tokens.enumerated().compactMap({ offset, token -> (Int, Int)? in
            months[token].map { (offset, $0) }
        }).last {
            let year = tokens.dropFirst(index + 1).first.flatMap { Int($0) }.flatMap { (1900...2200).contains($0) ? $0 : nil }
            var candidate = monthEnd(year: year ?? periodStart.year, month: month)
            if year == nil && candidate < periodStart { candidate = monthEnd(year: periodStart.year + 1, month: month) }
            return candidate
        }
        let yearRound = ["quarterly", "monthly", "weekly", "annual", "each", "every", "twice a year"]
        if yearRound.contains(where: { text.contains($0) }) { return periodEnd }
        return nil
    }

    private static func monthEnd(year: Int, month: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!.adding(months: 1).adding(days: -1)
    }
}
