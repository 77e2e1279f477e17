import S11App
import S11Core

/// One organisation's return to its own board, read by this board through the round's crosswalk:
/// every requirement of this board's catalogue with what answers it and a form to moderate it,
/// what nothing answers, and this board's own plan for the organisation.
struct ReadingPage: PageModel {
    static let template = "admin-round-reading"

    struct Line: Encodable {
        let domID: String
        let scope: String
        let requirement: String
        let statement: String
        let answered: Bool
        /// How it reads in this board's terms.
        let read: String
        let ragClass: String
        let sources: [Source]
        let hasOptions: Bool
        let options: [RatingOption]
    }

    /// A requirement of the organisation's own catalogue mapped onto the line's, with its figure.
    struct Source: Encodable {
        let from: String
        let figure: String
        let note: String?
    }

    struct Unanswered: Encodable {
        let requirement: String
        let statement: String
    }

    /// This board's plan for the organisation, once drafted.
    struct DraftedPlan: Encodable {
        let title: String
        /// How many objectives and actions, in words.
        let objectives: String
        let actions: String
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    /// The round.
    let id: Int64
    let auditID: Int64
    let board: String
    let organisation: String
    let crosswalk: String
    let crosswalkID: String
    let from: String
    let to: String
    /// Whether its own board holds its self-assessment (else there is nothing to read).
    let held: Bool
    let overall: String?
    let lines: [Line]
    let notAnswered: [Unanswered]
    let plan: DraftedPlan?
    /// The board moderates a reading; withdrawing is done by rating it again.
    let canWithdraw = false
}

extension ReadingPage {
    init(account: Coordinator, csrf: String, round: BoardRound, member: RoundMemberStatus, crosswalk: Crosswalk, reading: CrosswalkReading?,
         moderating: Moderating, plan: Plan?, errors: [FieldError]) {
        func figure(_ score: BoardScore?) -> String {
            guard let score, score.percent != nil else { return "unrated" }
            return score.rating.text + (score.moderated.map { " (moderated \($0.label))" } ?? "")
        }
        let lines: [Line] = reading?.lines.map { line -> Line in
            let options = ModerationForm.scoreOptions(moderating, .requirement(line.requirementID))
            return Line(domID: WebApp.domID(Moderation.Scope.requirement(line.requirementID).description), scope: "requirement:\(line.requirementID)",
                        requirement: line.requirementID, statement: line.statement, answered: line.isAnswered, read: figure(line.score),
                        ragClass: line.score.effectiveRag.map { "rag-\($0.rawValue)" } ?? "",
                        sources: line.sources.map { Source(from: $0.mapping.from, figure: figure($0.score), note: $0.mapping.note) },
                        hasOptions: !options.isEmpty, options: options)
        } ?? []
        self.init(title: "\(member.member.organisation), read through \(crosswalk.title)", form: FormErrors(errors),
                  bar: SignedInBar(account: account, csrf: csrf), id: round.id, auditID: member.auditID, board: round.board,
                  organisation: member.member.organisation,
                  crosswalk: crosswalk.title, crosswalkID: crosswalk.id, from: crosswalk.fromCatalogue, to: crosswalk.toCatalogue,
                  held: reading != nil, overall: reading.map { figure($0.boardScores.first) }, lines: lines,
                  notAnswered: reading?.notAnswered.map { Unanswered(requirement: $0.requirementID, statement: $0.statement) } ?? [],
                  plan: plan.map { DraftedPlan(title: $0.title, objectives: Counted($0.objectives.count, "objective").description,
                                                   actions: Counted($0.actions.count, "action").description) })
    }
}
