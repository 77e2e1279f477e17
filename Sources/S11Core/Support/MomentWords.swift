import Foundation

/// A moment as a person reads it, in the council's time zone: "6 December 2026 at 3:54am", in
/// GOV.UK's style (12-hour clock, "12pm" for midday, no ":00" on the hour). Machines' files keep
/// ISO 8601; this is for pages and papers.
public struct MomentWords: Sendable {
    /// The zone moments are shown in.
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// England's and Wales' time: Europe/London (GMT, or BST in summer).
    public static let london = MomentWords(timeZone: TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!)

    /// `date` in words; with `weekday`, the day's name first ("Tuesday 12 January 2027 at 9am"),
    /// as a person reads a day something will happen.
    public func text(_ date: Date, weekday: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute,
              let date = CalendarDate(year: year, month: month, day: day) else { return "" }
        let clock = (hour % 12 == 0 ? 12 : hour % 12)
        let minutes = minute == 0 ? "" : ":" + (minute < 10 ? "0" : "") + String(minute)
        return "\(weekday ? date.withWeekday : date.spelledOut) at \(clock)\(minutes)\(hour < 12 ? "am" : "pm")"
    }

    /// An ISO 8601 moment as the store keeps it ("2026-12-06T03:54:12Z", fractions of a second
    /// allowed) in words; text that is not one is shown as it is.
    public func text(iso: String) -> String {
        Self.date(iso: iso).map { text($0) } ?? iso
    }

    /// The moment an ISO 8601 text names, with or without fractions of a second; nil for other text.
    public static func date(iso: String) -> Date? {
        if let date = ISO8601DateFormatter().date(from: iso) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: iso)
    }
}
