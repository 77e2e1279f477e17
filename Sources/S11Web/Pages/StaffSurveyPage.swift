import S11Core

/// The anonymous staff confidence survey: the two profile questions and every statement, each a
/// set of radio buttons; blank, or with what was chosen and the errors to correct.
struct StaffSurveyPage: PageModel {
    static let template = "staff-survey"

    struct Profile: Encodable {
        let label: String
        let options: [ProfileOption]
    }

    struct ProfileOption: Encodable {
        let optionID: String
        let choiceID: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct Statement: Encodable {
        let text: String
        let options: [StatementOption]
    }

    struct StatementOption: Encodable {
        let optionID: String
        let statementID: String
        let value: String
        let label: String
        let checked: Bool
    }

    let title: String
    let form: FormErrors
    let csrf: String
    /// The survey's link token, which the form posts back to.
    let token: String
    let organisation: String
    let surveyTitle: String
    let introduction: String
    let profile: [Profile]
    let statements: [Statement]
}

extension StaffSurveyPage {
    /// The form, with `chosen` (form field name -> value) checked.
    init(audit: AuditRecord, survey: Survey, scales: [Scale], token: String, csrf: String, chosen: [String: String], errors: [FieldError]) {
        self.init(title: survey.title, form: FormErrors(errors), csrf: csrf, token: token, organisation: audit.organisation,
                  surveyTitle: survey.title, introduction: survey.introduction ?? "",
                  profile: survey.profile.map { choice in
                      Profile(label: choice.label, options: choice.options.enumerated().map { index, option in
                          ProfileOption(optionID: "\(choice.id)-opt-\(index)", choiceID: choice.id, value: option.value, label: option.label,
                                        checked: chosen["profile.\(choice.id)"] == option.value)
                      })
                  },
                  statements: survey.statements.map { statement in
                      let options = scales.first { $0.id == statement.scaleID }?.options ?? []
                      return Statement(text: statement.text, options: options.enumerated().map { index, option in
                          StatementOption(optionID: "\(statement.id)-opt-\(index)", statementID: statement.id, value: option.value,
                                          label: option.label, checked: chosen["answer.\(statement.id)"] == option.value)
                      })
                  })
    }
}
