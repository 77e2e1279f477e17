import S11App
import S11Core

/// An organisation's side of the board's round: where its self-assessment stands, and its lead
/// submitting it to the board with the declaration.
struct BoardSubmissionPage: PageModel {
    static let template = "admin-board-submit"

    let title = "Submit to the board"
    let form: FormErrors
    let bar: SignedInBar
    let heading: AuditTitle
    let notice: String?
    let board: String
    let deadline: String
    let stage: String
    /// How many of its officers' returns are in, "3 of 5".
    let returns: String
    /// Why the board gave it back, when it did.
    let returnReason: String?
    /// Whether the board holds it.
    let held: Bool
    let submittedAt: String?
    let submittedBy: String?
    let declaration: String
}

extension BoardSubmissionPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, round: BoardRound, member: RoundMemberStatus, today: CalendarDate,
         notice: String?, errors: [FieldError], moments: MomentWords) {
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit),
                  notice: notice, board: round.board, deadline: round.deadline.spelledOut,
                  stage: member.stage(deadline: round.deadline, today: today).rawValue, returns: "\(member.submittedReturns) of \(member.officers)",
                  returnReason: member.returnReason, held: member.submittedAt != nil, submittedAt: member.submittedAt.map(moments.text(iso:)),
                  submittedBy: member.submittedBy, declaration: BoardRounds.standardDeclaration)
    }
}
