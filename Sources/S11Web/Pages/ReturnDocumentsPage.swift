import Foundation
import S11App
import S11Core

/// The documents an officer attached to their answer to one question: each to download or
/// remove, and a form to attach more (several at once, without JavaScript), with what became of
/// the last ones sent.
struct ReturnDocumentsPage: PageModel {
    static let template = "return-documents"

    let title: String
    let form: FormErrors
    let csrf: String
    let token: String
    let organisation: String
    let year: Int
    let questionID: String
    let requirementID: String
    let statement: String
    /// What was just kept, in a sentence.
    let notice: String?
    /// Why no more can be attached (the return is submitted, the server has no virus scanner).
    let closed: String?
    /// Whether the documents can change (removed, kept): the return is not submitted.
    let open: Bool
    /// Whether more can be attached.
    let canAttach: Bool
    let hasDocuments: Bool
    let documents: [AttachedDocument]
    /// The limits and the kinds of file taken, in words.
    let limits: String
    let backHref: String
}

extension ReturnDocumentsPage {
    init(officer: OfficerLinks.AtLink, question: Question, position: Int, documents: [EvidenceDocument], kept: [String], refusals: [String], closed: String?,
         open: Bool, scanned: Bool,
         limits: DocumentLimits, csrf: String, moments: MomentWords) {
        let requirement = officer.content.catalogue.requirement(question.requirementID)
        let rows = documents.filter { $0.questionID == question.id }.map { document in
            AttachedDocument(document, requirementID: question.requirementID, href: "/r/\(officer.token)/documents/\(document.id)", moments: moments)
        }
        self.init(title: "Documents for \(question.requirementID)", form: FormErrors(refusals.map { FieldError(field: "files", message: $0) }),
                  csrf: csrf, token: officer.token, organisation: officer.audit.organisation, year: officer.audit.year, questionID: question.id,
                  requirementID: question.requirementID, statement: requirement?.statement ?? "",
                  notice: kept.isEmpty ? nil : "Attached: \(kept.joined(separator: ", ")).", closed: closed, open: open, canAttach: closed == nil,
                  hasDocuments: !rows.isEmpty, documents: rows,
                  limits: "A \(DocumentType.acceptedWords), each up to \(DocumentLimits.words(limits.perFile)), and up to \(DocumentLimits.words(limits.perReturn)) for your whole return. Choose several at once if you like. "
                      + (scanned ? "Each is checked for viruses before it is kept." : "This server keeps them without a virus scan."),
                  backHref: "/r/\(officer.token)/s/\(position)#\(WebApp.domID(question.id))-documents")
    }
}
