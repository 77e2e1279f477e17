import Foundation
import S11Core
import S11Store
import S11XML

/// Taking officers' returns into an audit: a page of the web form at a time, a submit, or whole
/// returns in XML and CSV files (and ZIPs holding them with their documents). Every way goes
/// through the core's `ReturnRules`, so a return counts as submitted on the same terms whichever
/// way it came.
public struct ReturnTaking: Sendable {
    let store: AuditStore
    public let audit: AuditRecord
    public let content: AuditContent
    /// How documents a return names are checked, scanned and kept.
    let documents: EvidenceDocuments

    init(store: AuditStore, audit: AuditRecord, content: AuditContent, settings: AppSettings) {
        self.store = store
        self.audit = audit
        self.content = content
        self.documents = EvidenceDocuments(store: store, settings: settings)
    }

    public var rules: ReturnRules { ReturnRules(content: content) }

    /// Stores one page of an officer's answers as typed, keeping the rest of the return; refused
    /// once the return is submitted. The caller keeps answers that break `ReturnRules.answerProblem`
    /// out, so a tampered value is never stored.
    public func savePage(_ answers: [Answer], officer: Officer) async throws {
        try await store.returns.saveAnswers(answers, officerEmail: officer.email, auditID: audit.id)
    }

    /// Submits the officer's return as stored now, or returns what keeps it from being submitted
    /// (and submits nothing).
    public func submit(officer: Officer) async throws -> [(question: Question, shortfall: ReturnRules.Shortfall)] {
        let questions = content.questions(forRole: officer.role)
        let rules = rules
        return try await store.returns.submit(officerEmail: officer.email, auditID: audit.id) { stored in
            rules.shortfalls(answers: Dictionary(stored.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a }), questions: questions)
        }
    }

    /// Validates every return in the files (XML, CSV, or a ZIP holding them and the documents they
    /// name) and stores them all with their documents, or none. Each document is checked and
    /// scanned as one attached in the browser is. A return that keeps every rule is submitted; one
    /// that falls short (a question unanswered, evidence missing) is stored in progress, for its
    /// officer to finish at their link.
    public func importFiles(_ files: [String]) async throws -> [OfficerReturn] {
        let read = try ReturnFiles(files, organisation: audit.organisation, year: audit.year)
        let returns = read.returns.map(\.officerReturn)
        var problems: [Diagnostic] = []
        let officers = try await store.officers.all(auditID: audit.id)
        let validator = ReturnValidator(content: content, organisation: audit.organisation, year: audit.year, officers: officers)
        var seen: [String: SourceLocation] = [:]
        for ret in returns {
            problems += validator.problems(in: ret)
            if let first = seen[ret.officerEmail], let here = ret.location {
                problems.append(Diagnostic(here, "a second return for \(ret.officerEmail) (the first is at \(first)); import one return per officer"))
            } else if let here = ret.location {
                seen[ret.officerEmail] = here
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        var spools: [DocumentSpool] = []
        defer { spools.forEach { $0.discard() } }
        let attachments = try await checkedDocuments(read, spools: &spools)
        let rules = rules
        try await store.returns.save(returns, auditID: audit.id, from: Self.fileName, documents: attachments, limits: documents.settings.documentLimits) {
            officer, answers in rules.status(answers: answers, officer: officer)
        }
        return returns
    }

    /// The name of the file a return came from, as the trail says who changed it.
    private static func fileName(_ ret: OfficerReturn) -> String {
        ret.location.map { URL(fileURLWithPath: $0.file).lastPathComponent } ?? "a return file"
    }

    /// Every document the returns name, copied into its own spool (added to `spools`, for the
    /// caller to discard), its kind checked and scanned; or every problem, each at the place the
    /// document is named.
    private func checkedDocuments(_ read: ReturnFiles, spools: inout [DocumentSpool]) async throws -> [DocumentStore.Attachment] {
        var attachments: [DocumentStore.Attachment] = []
        var problems: [Diagnostic] = []
        if documents.closedBecause != nil, let first = read.returns.lazy.compactMap({ $0.officerReturn.documents.first }).first {
            throw DiagnosticsError([Diagnostic(first.location ?? SourceLocation(file: "?", line: 0, column: 0),
                                               "the returns name documents, but there is no virus scanner to check them, so nothing was imported; give --clamd-socket PATH (ClamAV's daemon's socket), or --no-scan to keep them unscanned on purpose")])
        }
        for item in read.returns {
            let ret = item.officerReturn
            for named in ret.documents {
                let here = named.location ?? ret.location ?? SourceLocation(file: "?", line: 0, column: 0)
                let spool = try documents.spool(name: (named.path as NSString).lastPathComponent)
                spools.append(spool)
                do {
                    try item.folder.copy(named.path, into: spool)
                    switch try await documents.check(spool, officerEmail: ret.officerEmail, auditID: audit.id, by: Self.fileName(ret)) {
                    case .success(let upload):
                        attachments.append(DocumentStore.Attachment(officerEmail: ret.officerEmail, questionID: named.questionID, upload: upload))
                    case .failure(let refusal):
                        problems.append(Diagnostic(here, refusal.message))
                    }
                } catch let refusal as DocumentRefusal {
                    problems.append(Diagnostic(here, refusal.message))
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return attachments
    }
}
