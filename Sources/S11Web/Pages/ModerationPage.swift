import S11App
import S11Core

/// Moderation, on the organisation's own page and a challenge panel's alike: the trail of changes
/// first, then the requirements, gaps first, filtered by standard and by band, each with its self
/// and moderated rating and a link to its own page; then the standards.
struct ModerationPage: PageModel {
    static let template = "admin-moderation"

    struct Row: Encodable {
        let domID: String
        let label: String
        let selfRating: String
        let moderated: String
        let reason: String?
        let isGap: Bool
        /// The requirement's or standard's own page, with its answers and the form.
        let href: String
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
    let overall: String
    let hasModeratedOverall: Bool
    let moderatedOverall: String
    /// Where the filter form reads itself again.
    let list: String
    let standardChoices: [SelectOption]
    let bandChoices: [SelectOption]
    let gapsOnly: Bool
    /// "12 of 41 requirements", by the filters.
    let shown: String
    let rows: [Row]
    let standards: [Row]
    /// The latest changes, newest first, and the rest.
    let latest: [Change]
    let earlier: [Change]
    let hasEarlier: Bool
    let hasTrail: Bool
}

extension ModerationPage {
    /// The filters as the list's query gives them.
    struct Filter {
        var standard: String?
        var band: String?
        var gapsOnly: Bool
    }

    init(account: Coordinator, csrf: String, audit: AuditRecord, card: Scorecard, gaps: Set<String>, trail: [ModerationChange],
         place: ModerationPlace, filter: Filter, errors: [FieldError], saved: String? = nil, moments: MomentWords) {
        func band(_ requirement: RequirementScore) -> String { requirement.effectiveRag?.rawValue ?? "none" }
        func moderated(_ moderation: Moderation?, _ rating: Rating?) -> String {
            (moderation?.text ?? "-") + (rating.map { "; moderated \($0.text)" } ?? "")
        }
        let all = card.standards.flatMap(\.requirements)
        let chosen = all.filter { requirement in
            (filter.standard.map { $0 == requirement.standardID } ?? true) && (filter.band.map { $0 == band(requirement) } ?? true)
                && (!filter.gapsOnly || gaps.contains(requirement.requirementID))
        }
        // Gaps first, then the rest, each in the catalogue's order.
        let ordered = chosen.filter { gaps.contains($0.requirementID) } + chosen.filter { !gaps.contains($0.requirementID) }
        let rows = ordered.map { requirement in
            let scope = Moderation.Scope.requirement(requirement.requirementID)
            return Row(domID: WebApp.domID(scope.description), label: "\(requirement.requirementID) \(requirement.statement)",
                       selfRating: requirement.rating.text, moderated: moderated(requirement.moderation, requirement.moderatedRating),
                       reason: requirement.moderation?.reason, isGap: gaps.contains(requirement.requirementID),
                       href: place.item("requirement:\(requirement.requirementID)"))
        }
        let standards = card.standards.filter { standard in filter.standard.map { $0 == standard.standardID } ?? true }.map { standard in
            let scope = Moderation.Scope.standard(standard.standardID)
            return Row(domID: WebApp.domID(scope.description), label: "Standard \(standard.number). \(standard.title)", selfRating: standard.rating.text,
                       moderated: moderated(standard.moderation, standard.moderatedRating), reason: standard.moderation?.reason,
                       isGap: false, href: place.item("standard:\(standard.standardID)"))
        }
        let changes = trail.reversed().map { Change($0, moments: moments) }
        let savedLabel = (rows + standards).first { $0.domID == saved }?.label
            ?? card.standards.flatMap(\.requirements).first { WebApp.domID(Moderation.Scope.requirement($0.requirementID).description) == saved }
                .map { "\($0.requirementID) \($0.statement)" }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf, audit: audit), organisation: audit.organisation,
                  year: audit.year, notice: savedLabel.map { "Saved the moderation of \($0)." }, overall: card.overall.text,
                  hasModeratedOverall: card.moderatedOverall != nil, moderatedOverall: card.moderatedOverall?.text ?? "", list: place.list,
                  standardChoices: card.standards.map { SelectOption(id: $0.standardID, label: "Standard \($0.number). \($0.title)",
                                                                     selected: $0.standardID == filter.standard) },
                  bandChoices: [("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("blue", "Blue"), ("none", "Not rated")]
                      .map { SelectOption(id: $0.0, label: $0.1, selected: $0.0 == filter.band) },
                  gapsOnly: filter.gapsOnly, shown: "\(rows.count) of \(Counted(all.count, "requirement"))", rows: rows, standards: standards,
                  latest: Array(changes.prefix(5)), earlier: Array(changes.dropFirst(5)), hasEarlier: changes.count > 5,
                  hasTrail: !changes.isEmpty)
    }
}

extension ModerationPage.Change {
    /// A change of the trail as the pages read it: when in words, the bands before and after.
    init(_ change: ModerationChange, moments: MomentWords) {
        self.init(at: moments.text(iso: change.at), by: change.by, scope: change.scope.description,
                  old: (change.old?.label ?? "none") + Moderation.scoreText(change.oldOption),
                  new: (change.new?.label ?? "withdrawn") + Moderation.scoreText(change.newOption), reason: change.reason)
    }
}
