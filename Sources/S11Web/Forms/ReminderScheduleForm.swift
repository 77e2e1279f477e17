import Foundation
import S11Core

/// When reminders go, as the schedule form posts it: "yes" in `isOn` and `onTheDay` for ticked
/// boxes, the rest as typed.
struct ReminderScheduleForm: Decodable {
    var isOn: String?
    var daysBefore: String?
    var onTheDay: String?
    var overdueEvery: String?
    var atMost: String?
    var timeOfDay: String?

    /// Keeps the schedule typed with `keep` (a use case that refuses a schedule it cannot keep
    /// with its `ReminderSchedule.Problem`); returns the fields in error (each field that is not a
    /// number or time, else the one the use case names), none when it was kept.
    func save(with keep: (ReminderSchedule) async throws -> Void) async throws -> [FieldError] {
        var errors: [FieldError] = []
        let days = (daysBefore ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace })
        let before = days.compactMap { Int($0) }
        if before.count != days.count {
            errors.append(FieldError(field: "daysBefore", message: "Give the days before the deadline as whole numbers with commas between, for example 14, 3"))
        }
        let every = Int((overdueEvery ?? "").trimmingCharacters(in: .whitespaces))
        if every == nil {
            errors.append(FieldError(field: "overdueEvery", message: "Give the days between reminders once overdue as a whole number, or 0 for none"))
        }
        let most = Int((atMost ?? "").trimmingCharacters(in: .whitespaces))
        if most == nil { errors.append(FieldError(field: "atMost", message: "Give the most reminders one person is sent as a whole number, for example 4")) }
        let minute = ReminderSchedule.minuteOfDay(timeOfDay ?? "")
        if minute == nil { errors.append(FieldError(field: "timeOfDay", message: "Give the time of day as HH:MM on the 24-hour clock, for example 09:00")) }
        guard errors.isEmpty, let every, let most, let minute else { return errors }
        do {
            try await keep(ReminderSchedule(isOn: isOn == "yes", daysBefore: before, onTheDay: onTheDay == "yes", overdueEvery: every,
                                            atMost: most, minuteOfDay: minute))
            return []
        } catch let problem as ReminderSchedule.Problem {
            return [FieldError(field: problem.field.rawValue, message: problem.message)]
        }
    }
}
