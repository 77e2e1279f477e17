/// Checks returns against the audit they are for, before anything is stored.
public struct ReturnValidator: Sendable {
    public var content: AuditContent
    public var organisation: String
    public var year: Int
    public var officers: [String: Officer]
    var rules: ReturnRules { ReturnRules(content: content) }

    public init(content: AuditContent, organisation: String, year: Int, officers: [Officer]) {
        self.content = content
        self.organisation = organisation
        self.year = year
        self.officers = Dictionary(officers.map { ($0.email, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every problem with the return, each pointed at its place in the file.
    public func problems(in ret: OfficerReturn) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let whole = ret.location ?? SourceLocation(file: "?", line: 0, column: 0)
        if ret.organisation.lowercased() != organisation.lowercased() || ret.year != year {
            problems.append(Diagnostic(whole, "this return is for \(ret.organisation) \(ret.year), but the audit is \(organisation) \(year)"))
        }
        guard let officer = officers[ret.officerEmail] else {
            problems.append(Diagnostic(whole, "no officer with e-mail '\(ret.officerEmail)' in the audit \(organisation) \(year); import them with 's11 officers import' first"))
            return problems
        }
        let asked = content.questions(forRole: officer.role)
        let askedIDs = Set(asked.map(\.id))
        var seen = Set<String>()
        for answer in ret.answers {
            let here = answer.location ?? whole
            guard let question = content.selfAssessment.question(answer.questionID) else {
                problems.append(Diagnostic(here, "unknown question '\(answer.questionID)'; the questions are listed by 's11 responses template'"))
                continue
            }
            if !askedIDs.contains(question.id) {
                problems.append(Diagnostic(here, "question '\(question.id)' is not asked of \(officer.name) (role \(officer.role))"))
                continue
            }
            if !seen.insert(question.id).inserted {
                problems.append(Diagnostic(here, "question '\(question.id)' is answered twice"))
            }
            switch rules.answerProblem(answer, question: question) {
            case .notOnScale(let value, let allowed)?:
                problems.append(Diagnostic(here, "'\(value)' is not on the scale for question '\(question.id)'; use one of: \(allowed.joined(separator: ", "))"))
            case .notApplicableNotAllowed?:
                problems.append(Diagnostic(here, "question '\(question.id)' cannot be answered N/A: requirement '\(question.requirementID)' applies to every organisation"))
            case .notApplicableWithoutReason?:
                problems.append(Diagnostic(here, "question '\(question.id)' is answered N/A without a reason; say why it does not apply"))
            case nil:
                break
            }
        }
        var named = Set<NamedDocument>()
        for document in ret.documents {
            let here = document.location ?? whole
            if let problem = document.pathProblem {
                problems.append(Diagnostic(here, problem))
            } else if !seen.contains(document.questionID) {
                problems.append(Diagnostic(here, "the document '\(document.path)' is named for question '\(document.questionID)', which this return does not answer"))
            } else if !named.insert(NamedDocument(questionID: document.questionID, path: document.path)).inserted {
                problems.append(Diagnostic(here, "the document '\(document.path)' is named twice for question '\(document.questionID)'"))
            }
        }
        return problems
    }
}
