import S11Core

/// A board's rounds, and the form that opens the year's round for the member organisations (with
/// each problem of a refused list).
struct RoundsPage: PageModel {
    static let template = "admin-rounds"

    struct Round: Encodable {
        let id: Int64
        let board: String
        let year: Int
        let deadline: String
    }

    /// A self-assessment on the server, for the board to choose its own.
    struct Survey: Encodable {
        let id: String
        let title: String
        let catalogue: String
        let selected: Bool
    }

    /// The form's fields as typed.
    struct Typed {
        var board = ""
        var year = ""
        var deadline = ""
        var survey = ""
    }

    let title = "Rounds"
    let form: FormErrors
    let bar: SignedInBar
    let hasRounds: Bool
    let rounds: [Round]
    let hasProblems: Bool
    let problems: [ProblemRow]
    /// Whether the account's board names the round (else the form asks for it).
    let boardFixed: Bool
    let board: String
    let year: String
    let deadline: String
    /// Whether the server holds several self-assessments to choose from.
    let chooseSurvey: Bool
    let surveys: [Survey]
    /// The member list's columns, for the upload's hint.
    let columns: String
}

extension RoundsPage {
    init(account: Coordinator, csrf: String, rounds: [BoardRound], surveys: [S11Core.Survey], typed: Typed, errors: [FieldError],
         problems: [ProblemRow]) {
        let rounds = rounds.map { Round(id: $0.id, board: $0.board, year: $0.year, deadline: $0.deadline.spelledOut) }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), hasRounds: !rounds.isEmpty, rounds: rounds,
                  hasProblems: !problems.isEmpty, problems: problems, boardFixed: account.board != nil, board: account.board ?? typed.board,
                  year: typed.year, deadline: typed.deadline, chooseSurvey: surveys.count > 1,
                  surveys: surveys.map { Survey(id: $0.id, title: $0.title, catalogue: $0.catalogueID, selected: $0.id == typed.survey) },
                  columns: RoundMemberListReader.columns.joined(separator: ", "))
    }
}
