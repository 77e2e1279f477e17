import S11Core

/// "Check your answers" before an officer submits their return, and the submitted return read-only:
/// every answer under its standard, each with a link to change it while the return is open.
struct ReturnCheckPage: PageModel {
    static let template = "return-check"

    struct Section: Encodable {
        let standardNumber: Int
        let standardTitle: String
        let answers: [Answer]
    }

    struct Answer: Encodable {
        let domID: String
        let requirementID: String
        let statement: String
        /// The chosen option's label; nil when not answered.
        let label: String?
        let carried: Bool
        let evidence: String?
        let example: String?
        let reason: String?
        /// What the officer will do to improve, by whom and by when.
        let improvement: String?
        /// The section page it is changed on.
        let position: Int
    }

    let title: String
    let form: FormErrors
    let csrf: String
    /// The officer's link token.
    let token: String
    let organisation: String
    let year: Int
    let officerName: String
    let submitted: Bool
    let submittedAt: String
    let sections: [Section]
}

extension ReturnCheckPage {
    init(audit: AuditRecord, content: AuditContent, officer: Officer, token: String, sections: [S11Core.Section], answers: [String: S11Core.Answer],
         submittedAt: String?, submitted: Bool, csrf: String, errors: [FieldError], moments: MomentWords) {
        self.init(title: submitted ? "Your submitted return" : "Check your answers", form: FormErrors(errors), csrf: csrf,
                  token: token, organisation: audit.organisation, year: audit.year, officerName: officer.name, submitted: submitted,
                  submittedAt: submittedAt.map(moments.text(iso:)) ?? "", sections: Self.sections(content: content, sections: sections, answers: answers))
    }

    /// The return's answers under their standards, as the officer gave them (the check page, and
    /// the coordinator's page of one officer's return).
    static func sections(content: AuditContent, sections: [S11Core.Section], answers: [String: S11Core.Answer]) -> [Section] {
        sections.enumerated().map { index, section in
            let standard = content.catalogue.standards.first { $0.id == section.standardID }
            return Section(standardNumber: standard?.number ?? index + 1, standardTitle: standard?.title ?? section.standardID,
                           answers: section.questions.map { question in
                               let answer = answers[question.id]
                               let label: String? = switch answer?.choice {
                               case .option(let value)?: content.scale(question.scaleID)?.option(value)?.label ?? value
                               case .notApplicable?: "Not applicable"
                               default: nil
                               }
                               return Answer(domID: WebApp.domID(question.id), requirementID: question.requirementID,
                                             statement: content.catalogue.requirement(question.requirementID)?.statement ?? "", label: label,
                                             carried: answer?.carried == true, evidence: answer?.evidence, example: answer?.example,
                                             reason: answer?.reason, improvement: answer?.improvement.map(Self.proposal), position: index + 1)
                           })
        }
    }

    /// An improvement as the page shows it: what, by whom, by when.
    static func proposal(_ improvement: Improvement) -> String {
        [improvement.action, improvement.lead.map { "led by \($0)" }, improvement.by.map { "by \($0)" },
         improvement.measure.map { "we will know by: \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}
