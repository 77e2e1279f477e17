import Foundation

/// When an audit's officers who have not submitted are reminded: some days before the deadline,
/// on the day, then every so many days while overdue, at most so many reminders an officer, at a
/// time of day, only on working days.
public struct ReminderSchedule: Sendable, Hashable {
    /// Whether reminders go on their own at all.
    public var isOn: Bool
    /// Days before the deadline a reminder goes, largest first (14 and 3 unless told).
    public var daysBefore: [Int]
    /// Whether one goes on the deadline itself.
    public var onTheDay: Bool
    /// Once overdue, a reminder every this many days; 0 for none after the deadline.
    public var overdueEvery: Int
    /// The most reminders one officer is sent, counting those the coordinator sent by hand.
    public var atMost: Int
    /// The time of day they go, in the council's time zone: minutes after midnight.
    public var minuteOfDay: Int

    public init(isOn: Bool = true, daysBefore: [Int] = [14, 3], onTheDay: Bool = true, overdueEvery: Int = 7, atMost: Int = 4,
                minuteOfDay: Int = 9 * 60) {
        self.isOn = isOn
        self.daysBefore = Array(Set(daysBefore)).sorted(by: >)
        self.onTheDay = onTheDay
        self.overdueEvery = overdueEvery
        self.atMost = atMost
        self.minuteOfDay = minuteOfDay
    }

    /// Every audit's schedule until its coordinator changes it: 14 and 3 days before, on the day,
    /// weekly while overdue, at most four, at 9am.
    public static let standard = ReminderSchedule()

    /// The longest a schedule may reach before or after the deadline, in days.
    public static let longestReach = 366

    /// What is wrong with a schedule, and in which of its fields.
    public struct Problem: UserFacingError, Hashable {
        public enum Field: String, Sendable {
            case isOn, daysBefore, overdueEvery, atMost, timeOfDay
        }
        public var field: Field
        public var message: String
    }

    /// What is wrong with the schedule, in words a coordinator acts on; nil when nothing is.
    public var problem: Problem? {
        if let wrong = daysBefore.first(where: { !(1...Self.longestReach).contains($0) }) {
            return Problem(field: .daysBefore, message: "\(wrong) days before the deadline cannot be a reminder: give whole days from 1 to \(Self.longestReach), for example 14, 3")
        }
        if !(0...Self.longestReach).contains(overdueEvery) {
            return Problem(field: .overdueEvery,
                           message: "Give the days between reminders once overdue as a whole number from 1 to \(Self.longestReach), or 0 for none")
        }
        if !(1...20).contains(atMost) {
            return Problem(field: .atMost, message: "Give the most reminders an officer is sent as a whole number from 1 to 20")
        }
        if !(0..<24 * 60).contains(minuteOfDay) {
            return Problem(field: .timeOfDay, message: "Give the time of day as HH:MM on the 24-hour clock, for example 09:00")
        }
        if isOn && daysBefore.isEmpty && !onTheDay && overdueEvery == 0 {
            return Problem(field: .daysBefore,
                           message: "Choose when reminders go (days before the deadline, on the day, or once overdue), or turn them off")
        }
        return nil
    }

    /// The time of day as `HH:MM`.
    public var timeOfDay: String {
        let hour = minuteOfDay / 60, minute = minuteOfDay % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Reads `HH:MM` (or `H:MM`) on the 24-hour clock into minutes after midnight.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// One day a reminder goes, and why on that day.
    public struct Slot: Sendable, Hashable {
        /// The working day it goes.
        public var day: CalendarDate
        /// The day the schedule names, when it fell on a weekend or bank holiday and moved.
        public var movedFrom: CalendarDate?
        /// Which reminder it is, in words: "14 days before the deadline", "on the deadline", "7 days overdue".
        public var label: String
    }

    /// The days reminders go for `deadline`, in order: those before it and on the day move to the
    /// working day before, those after it to the working day after; two that land on one day go once.
    /// Empty when the schedule is off.
    public func slots(deadline: CalendarDate, workingDays: WorkingDays) -> [Slot] {
        guard isOn else { return [] }
        var named: [(day: CalendarDate, label: String, early: Bool)] = daysBefore.map {
            (deadline.adding(days: -$0), "\($0) \($0 == 1 ? "day" : "days") before the deadline", true)
        }
        if onTheDay { named.append((deadline, "on the deadline", true)) }
        if overdueEvery > 0 {
            // No officer is sent more than atMost, so no schedule needs more overdue days than that.
            named += (1...atMost).map { (deadline.adding(days: $0 * overdueEvery), "\($0 * overdueEvery) days overdue", false) }
        }
        var slots: [Slot] = []
        for (day, label, early) in named {
            let moved = early ? workingDays.onOrBefore(day) : workingDays.onOrAfter(day)
            guard slots.last.map({ $0.day < moved }) ?? true else { continue }
            slots.append(Slot(day: moved, movedFrom: moved == day ? nil : day, label: label))
        }
        return slots
    }

    /// The moment a reminder on `day` goes, at the schedule's time of day in `timeZone`.
    public func moment(_ day: CalendarDate, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: minuteOfDay / 60, minute: minuteOfDay % 60)
        return calendar.date(from: components) ?? Date.distantFuture
    }

    /// The reminder due at `now`: the one whose day is today in `timeZone` and whose time has
    /// come. A day missed (the server was stopped) is not made up later: the next one goes on its day.
    public func due(at now: Date, deadline: CalendarDate, workingDays: WorkingDays, timeZone: TimeZone) -> Slot? {
        let today = CalendarDate(now, in: timeZone)
        return slots(deadline: deadline, workingDays: workingDays).first { $0.day == today && moment($0.day, in: timeZone) <= now }
    }

    /// The next reminder after `now`, if the schedule has one left.
    public func next(after now: Date, deadline: CalendarDate, workingDays: WorkingDays, timeZone: TimeZone) -> Slot? {
        slots(deadline: deadline, workingDays: workingDays).first { moment($0.day, in: timeZone) > now }
    }
}
