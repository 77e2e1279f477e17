import Foundation
import S11Core

/// The message reminding a member organisation's lead that the board does not hold its
/// self-assessment yet: when it is due (or that it is overdue), how far its officers' returns
/// have got, and where to sign in. It carries no link to set a password: it is a reminder, not
/// an invitation. Plain UTF-8 text, CRLF line ends.
extension LeadInvitationMail {
    public func reminderSubject(for member: RoundMember) -> String {
        "Reminder: \(board)'s \(year) safeguarding self-assessment for \(member.organisation)"
    }

    /// The reminder to the lead of `status`'s organisation, on `today`.
    public func reminder(to status: RoundMemberStatus, today: CalendarDate, date: Date) -> Data {
        let member = status.member
        let due = today > deadline ? "was due on \(deadline.withWeekday) and the board has not received it yet"
            : today == deadline ? "is due today, \(deadline.withWeekday)"
            : "is due by \(deadline.withWeekday)"
        let returns = status.officers == 0 ? "No officers are named for your organisation's audit yet."
            : "Returns submitted by your named officers so far: \(status.submittedReturns) of \(status.officers)."
        let body = """
            Dear \(member.leadName),

            \(member.organisation)'s \(year) safeguarding self-assessment for \(board) \(due). \(returns)

            Sign in at \(baseURL)/admin/login to follow your officers' returns and, when you are ready, submit the self-assessment to the board with your declaration. If you have not set your password yet, ask the board for a new invitation.

            If you have already sent it, thank you: this reminder crossed with it.
            """
        return Data(InvitationMail.plainText(from: from, toName: member.leadName, toEmail: member.leadEmail, subject: reminderSubject(for: member),
                                             date: date, body: body).utf8)
    }
}
