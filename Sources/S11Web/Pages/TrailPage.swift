import Foundation
import S11Core

/// An audit's trail of changes, newest first, as the coordinator filters it (officer, requirement,
/// days), with the same selection as CSV.
struct TrailPage: PageModel {
    static let template = "admin-trail"

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
}

extension TrailPage {
    /// The most rows a page shows; the CSV holds them all.
    static let most = 500

    init(account: Coordinator, csrf: String, audit: AuditRecord, officers: [Officer], entries: [TrailEntry], query: String,
         typed: (officer: String, requirement: String, from: String, to: String), errors: [FieldError], moments: MomentWords) {
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
                  officers: choices, requirement: typed.requirement, from: typed.from, to: typed.to,
                  csvHref: "/admin/audits/\(audit.id)/trail.csv" + (query.isEmpty ? "" : "?" + query),
                  count: Counted(entries.count, "change").description, hasRows: !rows.isEmpty, rows: Array(rows),
                  more: entries.count > Self.most ? "The newest \(Self.most) are shown; the CSV holds all \(entries.count)." : nil)
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
