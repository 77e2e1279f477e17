import Foundation
import S11Core

/// A reminder schedule as the coordinator's invitations page and the board's reminders page
/// show it (the `reminder-schedule` part): the days it sends on, the next, why none will go when
/// none will, and the form that changes it.
struct ReminderScheduleView: Encodable {
    /// One day the schedule sends on.
    struct Day: Encodable {
        let when: String
        let label: String
        /// The weekend day or bank holiday it moved from, in words.
        let movedFrom: String?
        let passed: Bool
    }

    /// Where the form posts.
    let scheduleAction: String
    /// Who each reminder goes to: "officer who has not submitted".
    let recipients: String
    /// Whether reminders sent by hand count towards the most one person is sent (they do for officers).
    let countsByHand: Bool
    private(set) var isOn: Bool
    private(set) var daysBefore: String
    private(set) var onTheDay: Bool
    private(set) var overdueEvery: String
    private(set) var atMost: String
    private(set) var timeOfDay: String
    /// The next reminder, in words ("Tuesday 12 January 2027 at 9am"); nil when none is left or none will go.
    let next: String?
    /// Why no reminder goes on its own, when none will (no deadline, no mail program, turned off).
    let quiet: String?
    let hasDays: Bool
    let days: [Day]
    /// Whether the form is open: it was refused, and shows what was typed.
    private(set) var changing = false

    init(scheduleAction: String, recipients: String, countsByHand: Bool, isOn: Bool, daysBefore: String, onTheDay: Bool, overdueEvery: String, atMost: String, timeOfDay: String,
         next: String?, quiet: String?, hasDays: Bool, days: [Day], changing: Bool) {
        (self.scheduleAction, self.recipients, self.countsByHand) = (scheduleAction, recipients, countsByHand)
        (self.isOn, self.daysBefore, self.onTheDay, self.overdueEvery, self.atMost, self.timeOfDay) =
            (isOn, daysBefore, onTheDay, overdueEvery, atMost, timeOfDay)
        (self.next, self.quiet, self.hasDays, self.days, self.changing) = (next, quiet, hasDays, days, changing)
    }

    /// `schedule` with its `days` from a deadline (nil when none is set yet), posting to `action`;
    /// `recipients` and `countsByHand` as above.
    init(_ schedule: ReminderSchedule, days: [ReminderOutlook.Day], deadline: CalendarDate?, sends: Bool, action: String, recipients: String,
         countsByHand: Bool, moments: MomentWords, workingDays: WorkingDays) {
        let quiet: String? = if !schedule.isOn { "Reminders on a schedule are turned off here: none goes unless you send it." }
            else if deadline == nil { "Save a deadline above first: the schedule counts from it." }
            else if !sends { "No mail program is set up (s11 serve --sendmail), so no reminder goes on its own." }
            else { nil }
        let shown = days.map { day in
            Day(when: moments.text(day.moment, weekday: true), label: day.slot.label,
                movedFrom: day.slot.movedFrom.map { "moved from \($0.withWeekday), \(workingDays.reasonClosed($0) ?? "not a working day")" },
                passed: day.passed)
        }
        let next = quiet == nil ? days.first { !$0.passed }.map { moments.text($0.moment, weekday: true) } : nil
        self.init(scheduleAction: action, recipients: recipients, countsByHand: countsByHand, isOn: schedule.isOn, daysBefore: schedule.daysBefore.map(String.init).joined(separator: ", "),
                  onTheDay: schedule.onTheDay, overdueEvery: String(schedule.overdueEvery), atMost: String(schedule.atMost),
                  timeOfDay: schedule.timeOfDay, next: next, quiet: quiet, hasDays: !shown.isEmpty, days: shown, changing: false)
    }

    /// Shows the form's fields as they were typed (a refused form), open.
    mutating func typed(_ form: ReminderScheduleForm) {
        (isOn, daysBefore, onTheDay, overdueEvery, atMost, timeOfDay) =
            (form.isOn == "yes", form.daysBefore ?? "", form.onTheDay == "yes", form.overdueEvery ?? "", form.atMost ?? "", form.timeOfDay ?? "")
        changing = true
    }
}
