import Foundation
import S11Core

/// One officer's return as they answered it, for their organisation's coordinator: where it
/// stands, every answer under its standard, and its history (each step and each message sent to
/// them, with the coordinator's reason for a reopening), newest first, in words.
struct OfficerReturnPage: PageModel {
    static let template = "admin-officer-return"

    struct Step: Encodable {
        let at: String
        let what: String
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let heading: AuditTitle
    let officer: String
    let email: String
    let serviceArea: String
    let role: String
    let status: String
    let answered: String
    /// Where the coordinator reopens it, when it is submitted.
    let reopenHref: String?
    let sections: [ReturnCheckPage.Section]
    let hasHistory: Bool
    let history: [Step]
    let hasDocuments: Bool
    let documents: [AttachedDocument]
}

extension OfficerReturnPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, content: AuditContent, officer: Officer, status: ReturnStatus,
         submittedAt: String?, answers: [Answer], documents: [EvidenceDocument], events: [ReturnEvent], messages: [MailRecord], moments: MomentWords) {
        let sections = content.selfAssessment.sections(forRole: officer.role)
        let questions = sections.flatMap(\.questions)
        let byQuestion = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
        let given = questions.filter { byQuestion[$0.id] != nil }.count
        let stepsFromEvents: [(Date, Step)] = events.compactMap { event in
            guard let at = MomentWords.date(iso: event.at) else { return nil }
            let what = switch event.kind {
            case .submitted: "Submitted by the officer"
            case .imported: "Stored from \(event.by)" + (event.note.map { ", \($0)" } ?? "")
            case .reopened: "Reopened by \(event.by)" + (event.note.map { ": \u{201C}\($0)\u{201D}" } ?? "")
            }
            return (at, Step(at: moments.text(at), what: what))
        }
        let stepsFromMail: [(Date, Step)] = messages.map { record in
            let kind = switch record.kind {
            case .invitation: "Invitation"
            case .reminder: "Reminder"
            case .reopened: "Told the return is open again"
            }
            let outcome = record.accepted ? (record.detail.isEmpty ? "accepted by the mail program" : "written for the council's mail system")
                : "not sent (\(record.detail))"
            return (record.at, Step(at: moments.text(record.at), what: "\(kind) sent to \(record.officerEmail): \(outcome)"))
        }
        // Oldest first (to the millisecond), steps recorded at the same moment kept in the order they were recorded; then newest first.
        let history = (stepsFromEvents + stepsFromMail).enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.reversed().map(\.element.1)
        let query = officer.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        self.init(title: "\(officer.name)'s return", form: FormErrors([]), bar: SignedInBar(account: account, csrf: csrf, audit: audit),
                  heading: AuditTitle(audit), officer: officer.name, email: officer.email, serviceArea: officer.serviceArea,
                  role: content.selfAssessment.roleLabel(officer.role),
                  status: status.label + (submittedAt.map { " on \(moments.text(iso: $0))" } ?? ""),
                  answered: "\(given) of \(Counted(questions.count, "question")) answered",
                  reopenHref: status == .submitted ? "/admin/audits/\(audit.id)/reopen?email=\(query)" : nil,
                  sections: ReturnCheckPage.sections(content: content, sections: sections, answers: byQuestion),
                  hasHistory: !history.isEmpty, history: history, hasDocuments: !documents.isEmpty,
                  documents: documents.map { document in
                      AttachedDocument(document, requirementID: questions.first { $0.id == document.questionID }?.requirementID ?? document.questionID,
                                       href: "/admin/audits/\(audit.id)/documents/\(document.id)", moments: moments)
                  })
    }
}
