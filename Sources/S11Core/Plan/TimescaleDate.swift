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

    /// The words with the year they mean in the plan's period, so that a reader a year on knows
    /// when: a month named without one gets it ("April" is "April 2027", "Service planning,
    /// February" is "Service planning, February 2027"); regular or on-going work runs to the
    /// period's end ("Quarterly meetings to December 2027"); words naming no time s11 reads are due
    /// by `otherwise` ("Each term by June 2027"). Words that name a year already stay as written.
    public static func withYear(_ words: String, periodStart: CalendarDate, periodEnd: CalendarDate, otherwise: CalendarDate) -> String {
        guard words.range(of: #"\b(19|20|21)\d\d\b"#, options: .regularExpression) == nil else { return words }
        guard let due = due(words, periodStart: periodStart, periodEnd: periodEnd) else { return "\(words) by \(otherwise.monthAndYear)" }
        let named = words.ranges(of: /[A-Za-z]+/).last { months[words[$0].lowercased()] != nil }
        guard let named else { return "\(words) to \(due.monthAndYear)" }
        return words.replacingCharacters(in: named, with: "\(words[named]) \(due.year)")
    }

    private static func monthEnd(year: Int, month: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!.adding(months: 1).adding(days: -1)
    }
}
