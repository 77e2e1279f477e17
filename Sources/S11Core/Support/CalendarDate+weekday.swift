import Foundation

extension CalendarDate {
    /// The day of the week, 1 for Monday to 7 for Sunday (ISO 8601).
    public var weekday: Int {
        // Days since Monday 1 January of year 1 in the proleptic Gregorian calendar.
        let y = month < 3 ? year - 1 : year
        let m = month < 3 ? month + 12 : month
        let days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day - 307
        return (days % 7 + 7) % 7 + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// "Tuesday".
    public var weekdayName: String { Self.weekdayNames[weekday - 1] }

    /// "Tuesday 12 January 2027", as a person reads a day something will happen.
    public var withWeekday: String { "\(weekdayName) \(spelledOut)" }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
