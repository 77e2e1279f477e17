import Foundation
import S11Core
import S11Reports
import S11Store

/// Reminders on every audit's and every round's schedule, sent when due: an audit's to its
/// officers who have not submitted, a round's to the leads whose self-assessment the board does
/// not hold. What `s11 serve`'s sender does as each time comes, and `s11 remind --due` once, for a cron job.
public struct ScheduledReminders: Sendable {
    let app: S11App

    /// One audit's or round's reminders for one day of its schedule: sent, or what stopped them.
    public struct Batch: Sendable {
        /// Whose they are: "Riverside District Council 2027", "the leads of Oxfordshire Safeguarding Children Partnership's 2027 round".
        public var name: String
        public var slot: ReminderSchedule.Slot
        /// What became of each message, in the order sent.
        public var records: [MailRecord]
        /// Why the batch could not be sent, when it could not.
        public var problem: String?

        /// Whose and which reminders, as a log line names them: "Riverside District Council 2027 (3 days before the deadline)".
        public var which: String { "\(name) (\(slot.label))" }
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
                batches.append(Batch(name: "\(audit.organisation) \(audit.year)", slot: slot, records: records))
            } catch {
                batches.append(Batch(name: "\(audit.organisation) \(audit.year)", slot: slot, records: [], problem: Self.said(error)))
            }
        }
        for (round, schedule) in try await app.store.reminders.scheduledRounds() {
            guard let slot = schedule.due(at: now, deadline: round.deadline, workingDays: settings.workingDays, timeZone: settings.moments.timeZone)
            else { continue }
            let name = "the leads of \(round.board)'s \(round.year) round"
            do {
                let records = try await remindLeads(round, slot: slot, atMost: schedule.atMost, now: now, via: delivery)
                if !records.isEmpty { batches.append(Batch(name: name, slot: slot, records: records)) }
            } catch {
                batches.append(Batch(name: name, slot: slot, records: [], problem: Self.said(error)))
            }
        }
        return batches
    }

    /// Claims the day's reminder for each lead due one, sends each, and records what the mail program said.
    private func remindLeads(_ round: BoardRound, slot: ReminderSchedule.Slot, atMost: Int, now: Date,
                             via delivery: any MailDelivery) async throws -> [MailRecord] {
        let store = app.store
        let claimed = try await store.reminders.claimLeads(roundID: round.id, day: slot.day, atMost: atMost, at: now)
        guard !claimed.isEmpty else { return [] }
        let members = try await store.rounds.members(roundID: round.id)
        let mail = LeadInvitationMail(board: round.board, year: round.year, deadline: round.deadline, baseURL: app.settings.baseURL,
                                    from: app.settings.mailFrom)
        var records: [MailRecord] = []
        for auditID in claimed {
            guard let status = members.first(where: { $0.auditID == auditID }) else { continue }
            let outcome = await delivery.deliver(mail.reminder(to: status, today: slot.day, date: Date()), to: status.member.leadEmail)
            try await store.reminders.recordLead(auditID: auditID, day: slot.day, accepted: outcome.accepted, detail: outcome.detail)
            records.append(MailRecord(officerEmail: status.member.leadEmail, kind: .reminder, subject: mail.reminderSubject(for: status.member), at: now,
                                      accepted: outcome.accepted, detail: outcome.detail))
        }
        return records
    }

    private static func said(_ error: any Error) -> String {
        (error as? any UserFacingError)?.message ?? String(describing: error)
    }

    /// The first moment after `now` when some audit's or round's schedule has a reminder to send, if any has.
    public func nextDue(after now: Date) async throws -> Date? {
        let settings = app.settings
        let deadlines = try await app.store.reminders.scheduled().map { ($0.deadline, $0.schedule) }
            + app.store.reminders.scheduledRounds().map { ($0.round.deadline, $0.schedule) }
        return deadlines.compactMap { deadline, schedule in
            schedule.next(after: now, deadline: deadline, workingDays: settings.workingDays, timeZone: settings.moments.timeZone)
                .map { schedule.moment($0.day, in: settings.moments.timeZone) }
        }.min()
    }
}
