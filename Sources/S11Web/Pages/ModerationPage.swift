import S11App
import S11Core

/// Moderation, on the organisation's own page and a challenge panel's alike: every standard and
/// requirement with its self rating and moderated one, a form to change it (a band, or for a
/// requirement a score on its scale, with a reason), and the trail of changes.
struct ModerationPage: PageModel {
    static let template = "admin-moderation"

    struct Row: Encodable {
        let domID: String
        /// The scope the row's form posts (`requirement:R1`, `standard:S1`).
        let scope: String
        let label: String
        let selfRating: String
        let moderated: String
        let reason: String?
        let hasOptions: Bool
        let options: [RatingOption]
    }

    struct Change: Encodable {
        let at: String
        let by: String
        let scope: String
        let old: String
        let new: String
        let reason: String
    }

    let title = "Moderation"
    let form: FormErrors
    let bar: SignedInBar
    let organisation: String
    let year: Int
    /// What was just saved, in words.
    let notice: String?
    /// Where each row's form posts.
    let action: String
    let overall: String
    let hasModeratedOverall: Bool
    let moderatedOverall: String
    let rows: [Row]
    /// Whether a moderated rating can be withdrawn here (it can).
    let canWithdraw = true
    let trail: [Change]
}

extension ModerationPage {
    init(account: Coordinator, csrf: String, audit: AuditRecord, card: Scorecard, moderating: Moderating, trail: [ModerationChange],
         action: String, errors: [FieldError], saved: String? = nil, moments: MomentWords) {
        var rows: [Row] = []
        for standard in card.standards {
            for item in [(Moderation.Scope.standard(standard.standardID), "Standard \(standard.number). \(standard.title)", standard.rating,
                          standard.moderation, standard.moderatedRating)]
                + standard.requirements.map({ (Moderation.Scope.requirement($0.requirementID), "\($0.requirementID) \($0.statement)", $0.rating,
                                               $0.moderation, $0.moderatedRating) }) {
                let options = ModerationForm.scoreOptions(moderating, item.0)
                rows.append(Row(domID: WebApp.domID(item.0.description), scope: "\(item.0.kind):\(item.0.id)", label: item.1,
                                selfRating: item.2.text, moderated: (item.3?.text ?? "-") + (item.4.map { "; moderated \($0.text)" } ?? ""),
                                reason: item.3?.reason, hasOptions: !options.isEmpty, options: options))
            }
        }
        let trail = trail.map { change in
            Change(at: moments.text(iso: change.at), by: change.by, scope: change.scope.description,
                   old: (change.old?.label ?? "none") + Moderation.scoreText(change.oldOption),
                   new: (change.new?.label ?? "withdrawn") + Moderation.scoreText(change.newOption), reason: change.reason)
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), organisation: audit.organisation,
                  year: audit.year, notice: rows.first { $0.domID == saved }.map { "Saved the moderation of \($0.label)." }, action: action, overall: card.overall.text, hasModeratedOverall: card.moderatedOverall != nil,
                  moderatedOverall: card.moderatedOverall?.text ?? "", rows: rows, trail: trail)
    }
}
