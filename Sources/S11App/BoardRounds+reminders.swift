import Foundation
import S11Core

/// A round's reminders to the leads whose self-assessment the board does not hold yet: the
/// schedule the board sets, and what has been sent.
extension BoardRounds {
    /// When the round's leads are reminded (the standard schedule until the board sets another).
    public func reminderSchedule(roundID: Int64) async throws -> ReminderSchedule {
        try await store.reminders.schedule(roundID: roundID)
    }

    /// Keeps `schedule` for the round, or refuses it with its `ReminderSchedule.Problem`.
    public func setReminderSchedule(_ schedule: ReminderSchedule, roundID: Int64) async throws {
        if let problem = schedule.problem { throw problem }
        try await store.reminders.setSchedule(schedule, roundID: roundID)
    }

    /// The scheduled reminders sent to each member's lead (by audit), newest first.
    public func leadReminders(roundID: Int64) async throws -> [Int64: [MailRecord]] {
        try await store.reminders.leadReminders(roundID: roundID)
    }
}
