import Foundation
import S11Core
import S11Store
import S11XML

/// Taking officers' returns into an audit: a page of the web form at a time, a submit, or whole
/// returns in XML and CSV files. Every way goes through the core's `ReturnRules`, so a return
/// counts as submitted on the same terms whichever way it came.
public struct ReturnTaking: Sendable {
    let store: AuditStore
    public let audit: AuditRecord
    public let content: AuditContent

    init(store: AuditStore, audit: AuditRecord, content: AuditContent) {
        self.store = store
        self.audit = audit
        self.content = content
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

    /// Validates every return in the files and stores them all, or none. A return that keeps every
    /// rule is submitted; one that falls short (a question unanswered, evidence missing) is stored
    /// in progress, for its officer to finish at their link.
    public func importFiles(_ files: [String]) async throws -> [OfficerReturn] {
        var returns: [OfficerReturn] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                if file.lowercased().hasSuffix(".csv") {
                    returns += try ReturnCSVReader(organisation: audit.organisation, year: audit.year)
                        .returns(fromCSV: InputFiles.text(file), file: file)
                } else {
                    returns.append(try ReturnXML().read(data: InputFiles.data(file), file: file))
                }
            } catch let error as DiagnosticsError {
                problems += error.diagnostics
            }
        }
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
        let rules = rules
        try await store.returns.save(returns, auditID: audit.id,
                                     from: { ret in ret.location.map { URL(fileURLWithPath: $0.file).lastPathComponent } ?? "a return file" }) { officer, answers in
            rules.status(answers: answers, officer: officer)
        }
        return returns
    }
}
