import Foundation

/// What an audit's reminder schedule will do from now: every day it sends on, whether each has
/// gone by, the next, and for each officer when their next reminder goes or why none will.
public struct ReminderOutlook: Sendable {
    /// One day of the schedule, and whether its time has passed.
    public struct Day: Sendable, Hashable {
        public var slot: ReminderSchedule.Slot
        public var moment: Date
        public var passed: Bool
    }

    /// When an officer's next scheduled reminder goes, or why none will.
    public enum OfficerNext: Sendable, Hashable {
        case on(CalendarDate)
        case submitted
        /// No message has reached them yet: reminders follow an invitation.
        case notInvited
        /// They have had as many reminders as the schedule allows.
        case hadTheMost(Int)
        /// The schedule has no day left.
        case noneLeft
        /// Reminders on a schedule are off, or the returns have no deadline.
        case off
    }

    public let schedule: ReminderSchedule
    public let deadline: CalendarDate?
    public let days: [Day]
    /// Per lower-cased e-mail address.
    public let officers: [String: OfficerNext]

    /// The next day a reminder goes, if any.
    public var next: Day? { days.first { !$0.passed } }

    /// Works out the outlook at `now` for `statuses`, given how many reminders each officer
    /// (lower-cased e-mail) has had and whom a message has reached.
    public init(schedule: ReminderSchedule, deadline: CalendarDate?, statuses: [OfficerStatus], remindersSent: [String: Int],
                reached: Set<String>, now: Date, workingDays: WorkingDays, timeZone: TimeZone) {
        self.schedule = schedule
        self.deadline = deadline
        let days = Self.days(schedule, deadline: deadline, now: now, workingDays: workingDays, timeZone: timeZone)
        self.days = days
        let next = days.first { !$0.passed }
        var officers: [String: OfficerNext] = [:]
        for status in statuses {
            let email = status.officer.email.lowercased()
            let sent = remindersSent[email] ?? 0
            officers[email] = if status.status == .submitted { .submitted }
                else if deadline == nil || !schedule.isOn { .off }
                else if sent >= schedule.atMost { .hadTheMost(sent) }
                else if !reached.contains(email) { .notInvited }
                else if let next { .on(next.slot.day) }
                else { .noneLeft }
        }
        self.officers = officers
    }

    /// The days `schedule` sends on for `deadline` (none without one), each with whether it has passed at `now`.
    public static func days(_ schedule: ReminderSchedule, deadline: CalendarDate?, now: Date, workingDays: WorkingDays,
                            timeZone: TimeZone) -> [Day] {
        let slots = deadline.map { schedule.slots(deadline: $0, workingDays: workingDays) } ?? []
        return slots.map { slot in
            let moment = schedule.moment(slot.day, in: timeZone)
            return Day(slot: slot, moment: moment, passed: moment <= now)
        }
    }
}
