import S11App
import S11Core

/// One requirement (or standard) to moderate on a page of its own: its self and moderated rating,
/// why it is a gap, the officers' answers and evidence beside the form that rates it, and its own
/// trail. On a board's pages the answers name service areas, never officers.
struct ModerationItemPage: PageModel {
    static let template = "admin-moderation-item"

    struct Answer: Encodable {
        let area: String
        let officer: String?
        let answer: String
        let evidence: String?
        /// The N/A reason, the best-practice example or the officer's proposal, in words.
        let note: String?
        /// The documents attached as evidence.
        let hasDocuments: Bool
        let documents: [DocumentLink]
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let caption: String
    let domID: String
    let scope: String
    let action: String
    let list: String
    let selfRating: String
    let moderated: String
    let reason: String?
    let gapWhy: String?
    let hasAnswers: Bool
    let answers: [Answer]
    let showsOfficers: Bool
    let hasOptions: Bool
    let options: [RatingOption]
    let canWithdraw = true
    let trail: [ModerationPage.Change]
}

extension ModerationItemPage {
    /// The page of `scope`, or nil when the card has no such requirement or standard.
    init?(account: Coordinator, csrf: String, audit: AuditRecord, card: Scorecard, scope: Moderation.Scope, gaps: [Gap], moderating: Moderating,
          trail: [ModerationChange], place: ModerationPlace, errors: [FieldError], moments: MomentWords) {
        let shows = !account.isBoard
        var label: String, caption: String, selfRating: String, moderated: String, reason: String?
        var answers: [Answer] = []
        switch scope {
        case .requirement(let id):
            guard let standard = card.standards.first(where: { $0.requirements.contains { $0.requirementID == id } }),
                  let requirement = standard.requirements.first(where: { $0.requirementID == id }) else { return nil }
            label = "\(id) \(requirement.statement)"
            caption = "Standard \(standard.number). \(standard.title)"
            selfRating = requirement.rating.text
            moderated = (requirement.moderation?.text ?? "-") + (requirement.moderatedRating.map { "; moderated \($0.text)" } ?? "")
            reason = requirement.moderation?.reason
            answers = requirement.answers.sorted { ($0.percent ?? 101) < ($1.percent ?? 101) }.map { answer in
                let note = answer.naReason.map { "Not applicable: \($0)" } ?? answer.example.map { "Best practice: \($0)" }
                    ?? answer.improvement.map { "Proposes: \($0.action)" }
                return Answer(area: answer.serviceAreaInWords, officer: shows ? answer.officerName : nil, answer: answer.optionLabel,
                              evidence: answer.evidence.flatMap { $0.isEmpty ? nil : $0 }, note: note, hasDocuments: !answer.documents.isEmpty,
                              documents: DocumentLink.links(answer.documents, base: place.documents, linked: shows || !answer.serviceArea.isEmpty))
            }
        case .standard(let id):
            guard let standard = card.standards.first(where: { $0.standardID == id }) else { return nil }
            label = "Standard \(standard.number). \(standard.title)"
            caption = "The whole standard"
            selfRating = standard.rating.text
            moderated = (standard.moderation?.text ?? "-") + (standard.moderatedRating.map { "; moderated \($0.text)" } ?? "")
            reason = standard.moderation?.reason
            answers = standard.requirements.map {
                Answer(area: $0.requirementID, officer: nil, answer: $0.rating.text, evidence: $0.statement, note: $0.moderation.map { "Moderated \($0.text)" },
                       hasDocuments: false, documents: [])
            }
        }
        let options = ModerationForm.scoreOptions(moderating, scope)
        let mine = trail.filter { $0.scope == scope }.reversed().map { ModerationPage.Change($0, moments: moments) }
        let gapWhy: String? = if case .requirement(let id) = scope { gaps.first { $0.requirementID == id }?.explanation } else { nil }
        self.init(title: label, form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), caption: caption,
                  domID: WebApp.domID(scope.description), scope: "\(scope.kind):\(scope.id)", action: place.action, list: place.list,
                  selfRating: selfRating, moderated: moderated, reason: reason, gapWhy: gapWhy, hasAnswers: !answers.isEmpty, answers: answers,
                  showsOfficers: shows, hasOptions: !options.isEmpty, options: options, trail: mine)
    }
}
