import Foundation
import S11Core

/// An audit's trail of changes, newest first, as the coordinator filters it (officer, requirement,
/// days), with the same selection as CSV; or, for a board user, as much of it as was submitted
/// to the board (no officer is named and none can be chosen).
struct TrailPage: PageModel {
    static let template = "admin-trail"

    /// Who reads the trail: the organisation's own coordinator, choosing among its officers, or a
    /// board user, back to the round, who sees nothing until the organisation submits.
    enum Reader {
        case coordinator(officers: [Officer])
        case board(roundID: Int64, submitted: Bool)
    }

    /// One change, in words.
    struct Row: Encodable {
        let at: String
        let who: String
        let what: String
        /// Whose return, and which requirement and part.
        let about: String
        let old: String
        let new: String
    }

    let title = "Changes"
    let bar: SignedInBar
    let heading: AuditTitle
    let form: FormErrors
    /// What the page holds, in a sentence.
    let intro: String
    /// Said instead of the changes when the organisation has submitted nothing to the board.
    let notSubmitted: String?
    let showsChanges: Bool
    let hasOfficers: Bool
    let officers: [SelectOption]
    let requirement: String
    let from: String
    let to: String
    let csvHref: String
    let count: String
    let hasRows: Bool
    let rows: [Row]
    /// Said when more changed than the page shows.
    let more: String?
    let backHref: String
    let backText: String
}

extension TrailPage {
    /// The most rows a page shows; the CSV holds them all.
    static let most = 500

    init(account: Coordinator, csrf: String, audit: AuditRecord, reader: Reader, entries: [TrailEntry], query: String,
         typed: (officer: String, requirement: String, from: String, to: String), errors: [FieldError], moments: MomentWords) {
        var officers: [Officer] = [], notSubmitted: String?
        let intro: String, back: (href: String, text: String)
        switch reader {
        case .coordinator(let all):
            officers = all
            intro = "Every change to this audit's returns, officers, messages, moderation and plan, and every sign-in to your organisation's accounts: who, when, and what it was before and after. Staff survey answers are never here."
            back = ("/admin/audits/\(audit.id)", "Back to the audit")
        case .board(let roundID, let submitted):
            intro = "What \(audit.organisation) submitted to the board, as it changed: its moderation and its plan, and the round's own steps (opened, submitted, returned, challenge events, peer reviews): who, when, and what it was before and after. Its officers' answers and its accounts stay with the organisation."
            if !submitted { notSubmitted = "\(audit.organisation) has not submitted its \(audit.year) self-assessment to the board yet. Its changes are shown here once it has." }
            back = ("/admin/rounds/\(roundID)", "Back to the round")
        }
        let names = Dictionary(officers.map { ($0.email.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = entries.reversed().prefix(Self.most).map { entry in
            let whose = entry.officer.map { names[$0.lowercased()] ?? $0 }
            let about = [whose, entry.item.map { "requirement \($0)" }, entry.field].compactMap { $0 }.joined(separator: ", ")
            return Row(at: moments.text(entry.at), who: entry.who, what: Self.words(entry.subject), about: about,
                       old: entry.old ?? "(none)", new: entry.new ?? "(none)")
        }
        let choices = [SelectOption(id: "", label: "Every officer", selected: typed.officer.isEmpty)]
            + officers.sorted { $0.name < $1.name }.map { SelectOption(id: $0.email, label: $0.name, selected: $0.email.lowercased() == typed.officer.lowercased()) }
        self.init(bar: SignedInBar(account: account, csrf: csrf, audit: audit), heading: AuditTitle(audit), form: FormErrors(errors),
                  intro: intro, notSubmitted: notSubmitted, showsChanges: notSubmitted == nil, hasOfficers: !officers.isEmpty,
                  officers: choices, requirement: typed.requirement, from: typed.from, to: typed.to,
                  csvHref: "/admin/audits/\(audit.id)/trail.csv" + (query.isEmpty ? "" : "?" + query),
                  count: Counted(entries.count, "change").description, hasRows: !rows.isEmpty, rows: Array(rows),
                  more: entries.count > Self.most ? "The newest \(Self.most) are shown; the CSV holds all \(entries.count)." : nil,
                  backHref: back.href, backText: back.text)
    }

    /// What a change touched, in words.
    static func words(_ subject: TrailEntry.Subject) -> String {
        switch subject {
        case .answer: "Answer"
        case .evidence: "Evidence"
        case .returnStatus: "Return"
        case .officer: "Officer"
        case .invitation: "Invitation"
        case .moderation: "Moderation"
        case .plan: "Plan"
        case .account: "Account"
        case .round: "Board round"
        case .document: "Document"
        }
    }
}
