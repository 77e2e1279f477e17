import S11Core

/// Opening the year's audit: its year, questionnaire, deadline and contact, and whether last
/// year's officers and answers come forward.
struct NewAuditPage: PageModel {
    static let template = "admin-audit-new"

    /// A self-assessment on the server, to open the audit with.
    struct Survey: Encodable {
        let id: String
        let title: String
        let selected: Bool
    }

    /// The form's fields as typed (all text, as sent back).
    struct Typed {
        var year: String?
        var survey: String?
        var deadline: String?
        var contact: String?
        var carry: String?
    }

    let title = "Open an audit"
    let form: FormErrors
    let bar: SignedInBar
    let organisation: String
    let year: String
    let surveys: [Survey]
    let deadline: String
    let contact: String
    /// The year of the organisation's latest audit, which this one may start from; nil for its first.
    let lastYear: String?
    let carry: Bool
}

extension NewAuditPage {
    init(account: Coordinator, organisation: String, csrf: String, surveys: [S11Core.Survey], lastYear: Int?, typed: Typed,
         thisYear: Int, errors: [FieldError]) {
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), organisation: organisation,
                  year: typed.year ?? String((lastYear ?? thisYear - 1) + 1),
                  surveys: surveys.map { Survey(id: $0.id, title: "\($0.title) (version \($0.version))", selected: $0.id == typed.survey) },
                  deadline: typed.deadline ?? "", contact: typed.contact ?? "", lastYear: lastYear.map { "\($0)" },
                  carry: typed.carry == nil || typed.carry == "yes")
    }
}
