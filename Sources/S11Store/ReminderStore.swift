import Foundation
import S11Core

/// Each audit's reminder schedule, and the scheduled reminders claimed: a reminder is claimed
/// for an officer and a day before it is sent, so that with two servers on one store only one sends it.
public struct ReminderStore: StoreArea {
    let store: AuditStore

    /// When the audit's reminders go: the coordinator's schedule, or the standard one until they set one.
    public func schedule(auditID: Int64) async throws -> ReminderSchedule {
        try await schedule(in: "reminderSchedule", key: "auditID", auditID)
    }

    /// Keeps `schedule` for the audit.
    public func setSchedule(_ schedule: ReminderSchedule, auditID: Int64) async throws {
        try await setSchedule(schedule, in: "reminderSchedule", key: "auditID", auditID)
    }

    /// The schedule `table` keeps under `key` = `id`, or the standard one when it keeps none.
    func schedule(in table: String, key: String, _ id: Int64) async throws -> ReminderSchedule {
        try await engine.read { db in
            try await db.fetchOne("SELECT * FROM \(table) WHERE \(key) = ?", [id]).map { try ReminderScheduleRow($0, table: table).schedule }
        } ?? .standard
    }

    /// Keeps `schedule` in `table` under `key` = `id`, replacing the one kept there.
    func setSchedule(_ schedule: ReminderSchedule, in table: String, key: String, _ id: Int64) async throws {
        try await engine.write { db in
            try await db.execute("""
                INSERT INTO \(table) (\(key), isOn, daysBefore, onTheDay, overdueEvery, atMost, minuteOfDay) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (\(key)) DO UPDATE SET isOn = excluded.isOn, daysBefore = excluded.daysBefore, onTheDay = excluded.onTheDay,
                    overdueEvery = excluded.overdueEvery, atMost = excluded.atMost, minuteOfDay = excluded.minuteOfDay
                """, [id] + ReminderScheduleRow.values(schedule))
        }
    }

    /// Every audit whose returns have a deadline, with it and its schedule: what a sender looks through.
    public func scheduled() async throws -> [(audit: AuditRecord, deadline: CalendarDate, schedule: ReminderSchedule)] {
        try await engine.read { db in
            let audits = try await db.fetchAll(AuditRow.self, "SELECT * FROM audit WHERE deadline IS NOT NULL ORDER BY id")
            var schedules: [Int64: ReminderSchedule] = [:]
            for row in try await db.fetchAll("SELECT * FROM reminderSchedule") {
                schedules[try row.decode("auditID", from: .table("reminderSchedule"))] = try ReminderScheduleRow(row).schedule
            }
            return audits.compactMap { row in row.deadline.map { (row.audit, $0, schedules[row.audit.id] ?? .standard) } }
        }
    }

    /// Claims `day`'s reminder for each officer of the audit who is due one, and returns them:
    /// those a message has reached, whose return is not submitted, who have had fewer than
    /// `atMost` reminders, and whose reminder for the day no one has claimed. Checked and claimed
    /// in one transaction, so an officer who submits meanwhile, or another server's claim, is seen.
    public func claim(auditID: Int64, day: CalendarDate, atMost: Int, at: Date = Date()) async throws -> [Officer] {
        try await engine.write(locking: .audit(auditID)) { db in
            let due = try await db.fetchAll(OfficerRow.self, """
                SELECT o.* FROM officer o WHERE o.auditID = ? AND o.status <> ?
                    AND EXISTS (SELECT 1 FROM mailMessage m WHERE m.officerID = o.id AND m.accepted = 1)
                    AND (SELECT COUNT(*) FROM mailMessage m WHERE m.officerID = o.id AND m.kind = ?) < ?
                ORDER BY o.serviceArea, o.name
                """, [auditID, ReturnStatus.submitted.rawValue, MailRecord.Kind.reminder.rawValue, atMost])
            let stamp = ISO8601DateFormatter().string(from: at)
            var claimed: [Officer] = []
            for row in due {
                let inserted = try await db.execute("""
                    INSERT INTO reminderClaim (officerID, day, claimedAt) VALUES (?, ?, ?) ON CONFLICT (officerID, day) DO NOTHING
                    """, [row.id, day.iso, stamp])
                if inserted == 1 { claimed.append(row.officer) }
            }
            return claimed
        }
    }

    /// How many reminders each officer of the audit has been sent (by lower-cased e-mail), by hand or on schedule.
    public func sentCounts(auditID: Int64) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for record in try await store.mail.records(auditID: auditID) where record.kind == .reminder {
            counts[record.officerEmail.lowercased(), default: 0] += 1
        }
        return counts
    }
}
