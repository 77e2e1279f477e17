import S11Core

/// One standard of an officer's return: each question with its options, evidence, example, an
/// improvement (what, who, by when) and, where not applicable is allowed, why. Rendered once per
/// audit, role and section with markers where the officer's own values go (`SectionMarks`), or
/// in full with what was typed and the errors to correct.
struct ReturnSectionPage: PageModel {
    static let template = "return-section"

    struct Question: Encodable {
        let questionID: String
        let domID: String
        let requirementID: String
        let statement: String
        let guidance: String
        /// The requirement's evidence examples, joined.
        let examples: String
        let evidenceRequired: Bool
        let naAllowed: Bool
        /// Whether the answer was carried from last year (with markers: always, the tag between them).
        let carried: Bool
        let carriedStart: String?
        let carriedEnd: String?
        let error: String?
        let options: [Option]
        let evidence: String
        let example: String
        let reason: String
        let improvement: String
        let improvementLead: String
        let improvementBy: String
        let improvementMeasure: String
        /// The documents attached to the answer, in words.
        let documents: String
    }

    struct Option: Encodable {
        let optionID: String
        let value: String
        let label: String
        /// " checked" for the chosen option (or its marker); nil otherwise.
        let checked: String?
        /// The scale's top option ("Fully met"): chosen, the page hides the fields about improving.
        let top: Bool
    }

    /// A problem with one question's answer (`questionID` "" for one about the whole page).
    struct Problem {
        var questionID: String
        var error: FieldError
    }

    let title: String
    let form: FormErrors
    let csrf: String
    /// The officer's link token.
    let token: String
    /// The answers' version the page was shown with (`AnswerSetVersion`).
    let version: String
    /// "check" when the officer came from Check your answers (saving goes back there), else "".
    let returnTo: String
    let organisation: String
    let year: Int
    let position: Int
    let sectionCount: Int
    let standardNumber: Int
    let standardTitle: String
    let questions: [Question]
}

extension ReturnSectionPage {
    /// Section `position` (from 1) of `sections`; with `marks`, a marker (see `PageShellCache`)
    /// wherever the officer's own values go, instead of the values.
    init(audit: AuditRecord, content: AuditContent, sections: [Section], position: Int, token: String, answers: [String: Answer],
         documents: [String: [EvidenceDocument]], problems: [Problem], csrf: String, version: String, returnTo: String, marks: SectionMarks?) {
        let section = sections[position - 1]
        let standard = content.catalogue.standards.first { $0.id == section.standardID }
        let questions = section.questions.map { question in
            let requirement = content.catalogue.requirement(question.requirementID)
            let answer = answers[question.id]
            let scale = content.scale(question.scaleID)
            var options: [(value: String, label: String)] = scale?.options.map { ($0.value, $0.label) } ?? []
            if requirement?.naAllowed == true { options.append((Answer.notApplicableValue, "Not applicable")) }
            let chosen = Self.chosen(answer, in: scale)
            let id = WebApp.domID(question.id)
            func text(_ field: SectionMarks.Field) -> String {
                marks?.value(.text(question.id, field)) ?? field.value(answer) ?? ""
            }
            let top = scale.flatMap { scale in scale.options.count > 1 ? scale.options.first { $0.score == scale.maxScore }?.value : nil }
            let optionRows = options.enumerated().map { index, option in
                Option(optionID: "\(id)-opt-\(index)", value: option.value, label: option.label,
                       checked: marks?.value(.checked(question.id, option.value)) ?? (option.value == chosen ? " checked" : nil),
                       top: option.value == top)
            }
            let carried = marks?.region(.carried(question.id))
            return Question(questionID: question.id, domID: id, requirementID: question.requirementID, statement: requirement?.statement ?? "",
                            guidance: requirement?.guidance ?? "", examples: requirement?.evidenceExamples.joined(separator: "; ") ?? "",
                            evidenceRequired: question.evidenceRequired, naAllowed: requirement?.naAllowed == true,
                            carried: marks != nil || answer?.carried == true, carriedStart: carried?.start, carriedEnd: carried?.end,
                            error: problems.first { $0.questionID == question.id }?.error.message, options: optionRows,
                            evidence: text(.evidence), example: text(.example), reason: text(.reason), improvement: text(.improvement),
                            improvementLead: text(.improvementLead), improvementBy: text(.improvementBy),
                            improvementMeasure: text(.improvementMeasure),
                            documents: marks?.value(.documents(question.id)) ?? Self.documentsWords(documents[question.id] ?? []))
        }
        self.init(title: standard?.title ?? section.standardID, form: FormErrors(problems.map(\.error)),
                  csrf: marks?.value(.csrf) ?? csrf, token: marks?.value(.token) ?? token, version: marks?.value(.version) ?? version,
                  returnTo: marks?.value(.returnTo) ?? returnTo,
                  organisation: audit.organisation, year: audit.year, position: position, sectionCount: sections.count,
                  standardNumber: standard?.number ?? position, standardTitle: standard?.title ?? section.standardID, questions: questions)
    }

    /// The documents attached to one answer, in words: their names and sizes, or "none yet".
    static func documentsWords(_ documents: [EvidenceDocument]) -> String {
        documents.isEmpty ? "none yet"
            : documents.map { "\($0.name) (\($0.sizeWords)\($0.carried ? ", last year's: keep it or remove it" : ""))" }.joined(separator: ", ")
    }

    /// The option the officer chose for a question, as its scale names it.
    static func chosen(_ answer: Answer?, in scale: Scale?) -> String? {
        answer?.optionValue.flatMap { value in scale?.option(value)?.value ?? value }
    }
}
