import Foundation
import S11Core
import S11Store

/// Reminders on every audit's schedule, sent when due: what `s11 serve`'s sender does as each
/// time comes, and `s11 remind --due` once, for a cron job.
public struct ScheduledReminders: Sendable {
    let app: S11App

    /// One audit's reminders for one day of its schedule: sent, or what stopped them.
    public struct Batch: Sendable {
        public var audit: AuditRecord
        public var slot: ReminderSchedule.Slot
        /// What became of each message, in the order sent.
        public var records: [MailRecord]
        /// Why the batch could not be sent, when it could not.
        public var problem: String?
    }

    /// Sends each reminder due at `now` through `delivery`: for every audit whose schedule has a
    /// reminder today whose time has come, to each officer due one that no server has yet claimed
    /// (`ReminderStore.claim`). An audit that fails does not stop the others.
    public func sendDue(at now: Date, via delivery: any MailDelivery) async throws -> [Batch] {
        let settings = app.settings
        var batches: [Batch] = []
        for (audit, deadline, schedule) in try await app.store.reminders.scheduled() {
            guard let slot = schedule.due(at: now, deadline: deadline, workingDays: settings.workingDays, timeZone: settings.moments.timeZone)
            else { continue }
            do {
                let claimed = try await app.store.reminders.claim(auditID: audit.id, day: slot.day, atMost: schedule.atMost, at: now)
                guard !claimed.isEmpty else { continue }
                let session = try await app.session(audit)
                let records = try await session.invitations.send(.reminder, only: Set(claimed.map { $0.email.lowercased() }), via: delivery)
                batches.append(Batch(audit: audit, slot: slot, records: records))
            } catch {
                let said = (error as? any UserFacingError)?.message ?? String(describing: error)
                batches.append(Batch(audit: audit, slot: slot, records: [], problem: said))
            }
        }
        return batches
    }

    /// The first moment after `now` when some audit's schedule has a reminder to send, if any has.
    public func nextDue(after now: Date) async throws -> Date? {
        let settings = app.settings
        return try await app.store.reminders.scheduled().compactMap { _, deadline, schedule in
            schedule.next(after: now, deadline: deadline, workingDays: settings.workingDays, timeZone: settings.moments.timeZone)
                .map { schedule.moment($0.day, in: settings.moments.timeZone) }
        }.min()
    }
}
