import Foundation
import S11Core

/// Invitations and reminders: when returns are due and whom to ask, each message to read before it
/// goes, and per officer the last message, whether the mail program took it, and a new link.
struct InvitationsPage: PageModel {
    static let template = "admin-invitations"

    struct Officer: Encodable {
        let domID: String
        let name: String
        let email: String
        let returnStatus: String
        /// The last message's kind ("invitation", "reminder"); nil before any.
        let lastKind: String?
        let lastAt: String?
        /// The mail program accepted the last message.
        let accepted: Bool
        /// Where the last message was written, when no mail program is set up.
        let written: String?
        /// The mail program refused the last message, saying `detail`.
        let failed: Bool
        let detail: String?
        /// The page that asks before this officer's links are stopped and a new one sent; nil once submitted.
        let replaceHref: String?
        /// When their next scheduled reminder goes ("Tuesday 12 January 2027"), or why none will.
        let nextReminder: String
    }

    /// Who is due a message, and the message.
    struct Due {
        var invitations: Int
        var reminders: Int
        var invitationPreview: String?
        var reminderPreview: String?
    }

    let title = "Invitations and reminders"
    let form: FormErrors
    let bar: SignedInBar
    let heading: AuditTitle
    let notice: String?
    let deadline: String?
    let contact: String?
    /// Whether a mail program sends the messages (else they are written into `mailFolder`).
    let sends: Bool
    let mailFolder: String
    let invitationPreview: String?
    let canInvite: Bool
    /// How many officers an invitation goes to, in words ("2 officers").
    let toInvite: String
    let reminderPreview: String?
    let canRemind: Bool
    /// How many officers a reminder goes to, in words.
    let toRemind: String
    var schedule: ReminderScheduleView
    let hasOfficers: Bool
    let officers: [Officer]
}

extension InvitationsPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, statuses: [OfficerStatus], lastMessages: [String: MailRecord],
         returnsDue: (deadline: CalendarDate?, contact: String?), due: Due, outlook: ReminderOutlook, sends: Bool, mailFolder: String,
         notice: String?, errors: [FieldError], moments: MomentWords, workingDays: WorkingDays) {
        let officers = statuses.map { status in
            let last = lastMessages[status.officer.email.lowercased()]
            return Officer(domID: WebApp.domID(status.officer.email), name: status.officer.name, email: status.officer.email,
                           returnStatus: status.status.label, lastKind: last?.kind.rawValue, lastAt: last.map { moments.text($0.at) },
                           accepted: last?.accepted == true && last?.detail.isEmpty == true,
                           written: last.flatMap { $0.accepted && !$0.detail.isEmpty ? Self.shortened($0.detail) : nil }, failed: last.map { !$0.accepted } ?? false,
                           detail: last?.detail,
                           replaceHref: status.status == .submitted ? nil
                               : "/admin/audits/\(audit.id)/invitations/replace?email=\(status.officer.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                           nextReminder: Self.words(outlook.officers[status.officer.email.lowercased()], sends: sends))
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit),
                  notice: notice, deadline: returnsDue.deadline?.iso, contact: returnsDue.contact,
                  sends: sends, mailFolder: mailFolder, invitationPreview: due.invitationPreview, canInvite: due.invitations > 0,
                  toInvite: Counted(due.invitations, "officer").description, reminderPreview: due.reminderPreview,
                  canRemind: due.reminders > 0, toRemind: Counted(due.reminders, "officer").description,
                  schedule: ReminderScheduleView(outlook.schedule, days: outlook.days, deadline: outlook.deadline, sends: sends,
                                                 action: "/admin/audits/\(audit.id)/invitations/schedule", recipients: "officer who has not submitted",
                                                 countsByHand: true, moments: moments, workingDays: workingDays),
                  hasOfficers: !officers.isEmpty, officers: officers)
    }

    /// "written to FOLDER/FILE.eml" for a message written into the mail folder: the file's own
    /// folder and name, which the page's hint says the mail folder holds.
    private static func shortened(_ detail: String) -> String {
        guard detail.hasPrefix("written to ") else { return detail }
        let parts = detail.dropFirst("written to ".count).split(separator: "/")
        return "written to " + parts.suffix(2).joined(separator: "/")
    }

    /// An officer's next scheduled reminder in words.
    private static func words(_ next: ReminderOutlook.OfficerNext?, sends: Bool) -> String {
        switch next {
        case .on(let day)?: sends ? "next reminder: \(day.withWeekday)" : "none on its own (no mail program)"
        case .submitted?, nil: "none"
        case .notInvited?: "none until an invitation reaches them"
        case .hadTheMost(let count)?: "none: \(Counted(count, "reminder")) sent, the most the schedule allows"
        case .noneLeft?: "none: the schedule has no day left"
        case .off?: "none on a schedule"
        }
    }
}
