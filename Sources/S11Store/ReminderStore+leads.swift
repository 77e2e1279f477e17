import Foundation
import S11Core

/// A round's reminders to the leads of its member organisations whose self-assessment the board
/// does not hold yet: the round's schedule, and each reminder claimed before it goes.
extension ReminderStore {
    /// When the round's leads are reminded (the standard schedule until the board sets another).
    public func schedule(roundID: Int64) async throws -> ReminderSchedule {
        try await schedule(in: "roundReminderSchedule", key: "roundID", roundID)
    }

    /// Keeps `schedule` for the round.
    public func setSchedule(_ schedule: ReminderSchedule, roundID: Int64) async throws {
        try await setSchedule(schedule, in: "roundReminderSchedule", key: "roundID", roundID)
    }

    /// Every round with its schedule: what a sender looks through.
    public func scheduledRounds() async throws -> [(round: BoardRound, schedule: ReminderSchedule)] {
        try await engine.read { db in
            let rounds = try await db.fetchAll(RoundRow.self, "SELECT * FROM round ORDER BY id").map(\.round)
            var schedules: [Int64: ReminderSchedule] = [:]
            for row in try await db.fetchAll("SELECT * FROM roundReminderSchedule") {
                schedules[try row.decode("roundID", from: .table("roundReminderSchedule"))] = try ReminderScheduleRow(row, table: "roundReminderSchedule").schedule
            }
            return rounds.map { ($0, schedules[$0.id] ?? .standard) }
        }
    }

    /// Claims `day`'s reminder for the lead of each member organisation of the round whose
    /// self-assessment the board does not hold, who has had fewer than `atMost`, and whose
    /// reminder for the day no one has claimed; returns their audits. Checked and claimed in one
    /// transaction, so a submission to the board meanwhile, or another server's claim, is seen.
    public func claimLeads(roundID: Int64, day: CalendarDate, atMost: Int, at: Date = Date()) async throws -> [Int64] {
        try await engine.write { db in
            let due = try await db.fetchAll("""
                SELECT m.auditID FROM roundMember m WHERE m.roundID = ? AND m.submittedAt IS NULL
                    AND (SELECT COUNT(*) FROM leadReminder r WHERE r.auditID = m.auditID) < ?
                ORDER BY m.auditID
                """, [roundID, atMost]).map { try $0.decode(at: 0, from: .table("roundMember")) as Int64 }
            let stamp = ISO8601DateFormatter().string(from: at)
            var claimed: [Int64] = []
            for auditID in due {
                let inserted = try await db.execute("""
                    INSERT INTO leadReminder (auditID, day, claimedAt) VALUES (?, ?, ?) ON CONFLICT (auditID, day) DO NOTHING
                    """, [auditID, day.iso, stamp])
                if inserted == 1 { claimed.append(auditID) }
            }
            return claimed
        }
    }

    /// Records what the mail program said to the reminder claimed for the audit's lead on `day`.
    public func recordLead(auditID: Int64, day: CalendarDate, accepted: Bool, detail: String) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            try await db.execute("UPDATE leadReminder SET accepted = ?, detail = ? WHERE auditID = ? AND day = ?",
                                 [accepted ? 1 : 0, detail, auditID, day.iso])
        }
    }

    /// The reminders sent to the round's leads, newest first, by audit.
    public func leadReminders(roundID: Int64) async throws -> [Int64: [MailRecord]] {
        try await engine.read { db in
            let rows = try await db.fetchAll(LeadReminderRow.self, """
                SELECT r.*, m.leadEmail FROM leadReminder r JOIN roundMember m ON m.auditID = r.auditID
                WHERE m.roundID = ? ORDER BY r.day DESC
                """, [roundID])
            return Dictionary(grouping: rows, by: \.auditID).mapValues { $0.map(\.record) }
        }
    }
}
