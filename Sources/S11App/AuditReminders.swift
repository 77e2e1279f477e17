import Foundation
import S11Core
import S11Store

/// One audit's reminders on a schedule: the schedule its coordinator sets, and what it will send.
public struct AuditReminders: Sendable {
    let session: AuditSession

    private var store: AuditStore { session.store }
    private var auditID: Int64 { session.audit.id }

    /// The audit's schedule (the standard one until the coordinator sets another).
    public func schedule() async throws -> ReminderSchedule {
        try await store.reminders.schedule(auditID: auditID)
    }

    /// Keeps `schedule` for the audit, or refuses it with its `ReminderSchedule.Problem`.
    public func setSchedule(_ schedule: ReminderSchedule) async throws {
        if let problem = schedule.problem { throw problem }
        try await store.reminders.setSchedule(schedule, auditID: auditID)
    }

    /// What the schedule will do from `now`, for the audit and each officer.
    public func outlook(at now: Date = Date()) async throws -> ReminderOutlook {
        async let schedule = schedule()
        async let due = store.returns.due(auditID: auditID)
        async let statuses = store.officers.statuses(auditID: auditID)
        async let sent = store.reminders.sentCounts(auditID: auditID)
        async let reached = store.mail.officersReached(auditID: auditID)
        return ReminderOutlook(schedule: try await schedule, deadline: try await due.deadline, statuses: try await statuses,
                               remindersSent: try await sent, reached: try await reached, now: now,
                               workingDays: session.settings.workingDays, timeZone: session.settings.moments.timeZone)
    }
}
