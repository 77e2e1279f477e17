import Foundation
import S11App
import S11Core

/// The board's reminders to the leads of its member organisations whose self-assessment it does
/// not hold yet: when they go, the form that changes that, and per lead what has gone and what is next.
struct RoundRemindersPage: PageModel {
    static let template = "admin-round-reminders"

    /// One member organisation whose self-assessment the board does not hold.
    struct Lead: Encodable {
        let organisation: String
        let lead: String
        let email: String
        let stage: String
        /// The reminders sent so far, in words ("2 sent, the last on 12 January 2027 at 9am").
        let sent: String
        /// The last one failed, saying why.
        let failed: String?
        /// When their next reminder goes, or why none will.
        let next: String
    }

    let title = "Reminders to leads"
    let form: FormErrors
    let bar: SignedInBar
    let roundID: Int64
    let board: String
    let year: Int
    let deadline: String
    let notice: String?
    var schedule: ReminderScheduleView
    let hasLeads: Bool
    let leads: [Lead]
}

extension RoundRemindersPage {
    init(account: Coordinator, csrf: String, progress: RoundProgress, schedule: ReminderSchedule, sent: [Int64: [MailRecord]],
         settings: AppSettings, now: Date, notice: String?, errors: [FieldError]) {
        let round = progress.round
        let days = ReminderOutlook.days(schedule, deadline: round.deadline, now: now, workingDays: settings.workingDays,
                                        timeZone: settings.moments.timeZone)
        let sends = settings.delivery != nil
        let next = days.first { !$0.passed }
        let leads = progress.members.filter { $0.row.crosswalkID == nil && $0.row.submittedAt == nil }.map { row, stage in
            let records = sent[row.auditID] ?? []
            let nextWords = if !schedule.isOn { "none on a schedule" }
                else if !sends { "none on its own (no mail program)" }
                else if records.count >= schedule.atMost { "none: \(Counted(records.count, "reminder")) sent, the most the schedule allows" }
                else { next.map { "next reminder: \($0.slot.day.withWeekday)" } ?? "none: the schedule has no day left" }
            return Lead(organisation: row.member.organisation, lead: row.member.leadName, email: row.member.leadEmail, stage: stage.rawValue,
                        sent: records.first.map { "\(Counted(records.count, "reminder")) sent, the last on \(settings.moments.text($0.at))" } ?? "none yet",
                        failed: records.first.flatMap { $0.accepted ? nil : $0.detail }, next: nextWords)
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), roundID: round.id, board: round.board, year: round.year,
                  deadline: round.deadline.withWeekday, notice: notice,
                  schedule: ReminderScheduleView(schedule, days: days, deadline: round.deadline, sends: sends,
                                                 action: "/admin/rounds/\(round.id)/reminders",
                                                 recipients: "lead whose self-assessment the board does not hold", countsByHand: false,
                                                 moments: settings.moments, workingDays: settings.workingDays),
                  hasLeads: !leads.isEmpty, leads: leads)
    }
}

extension RoundRemindersPage {
    /// The round page's line on reminders to leads: when the next goes, or why none will.
    static func summary(_ schedule: ReminderSchedule, round: BoardRound, settings: AppSettings, now: Date) -> String {
        guard schedule.isOn else { return "turned off" }
        guard settings.delivery != nil else { return "none goes on its own (no mail program)" }
        let days = ReminderOutlook.days(schedule, deadline: round.deadline, now: now, workingDays: settings.workingDays,
                                        timeZone: settings.moments.timeZone)
        return days.first { !$0.passed }.map { "the next goes on \(settings.moments.text($0.moment, weekday: true))" }
            ?? "the schedule has no day left"
    }
}
