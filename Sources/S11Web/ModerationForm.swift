import Foundation
import S11App
import S11Core
import S11Store

/// The moderation form, as the organisation's own page and a challenge panel's page both show it:
/// every standard and requirement with its self rating and moderated one, a band or (for a
/// requirement) a score on its scale, and the trail; and a posted form applied through the
/// application's `Moderating`, its refusals worded for the page.
struct ModerationForm {
    let session: AuditSession

    enum Outcome {
        /// Saved; the row to return to.
        case saved(String)
        case refused([[String: String]])
    }

    /// Applies a posted moderation (`scope`, `rating` or `score`, `reason`) by `by`, for `changer`.
    func apply(_ form: FormBody, by: String, as changer: ChangeRules.Changer) async throws -> Outcome {
        let moderating = Moderating(session: session)
        return try await apply(form) { scope, rag, option, reason in
            try await moderating.moderate(scope, rag: rag, option: option, reason: reason, by: by, as: changer)
        }
    }

    /// Reads a posted rating (`scope`, `rating` or `score`, `reason`) and hands it to `record`
    /// (a moderation, a peer's proposal, the board's change to one); its refusals in the page's words.
    func apply(_ form: FormBody,
               record: (Moderation.Scope, Rag?, String?, String?) async throws -> Void) async throws -> Outcome {
        let parts = (form["scope"] ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let scope = try? Moderating(session: session).scope(kind: parts[0], id: parts[1]) else {
            return .refused([["field": "main-content", "message": "Choose a requirement or standard from the list"]])
        }
        let field = WebApp.domID(scope.description)
        let score = form.text("score")
        let rating = form.text("rating")
        guard (score != nil) != (rating != nil), rating.map({ $0 == "none" || Rag(rawValue: $0) != nil }) ?? true else {
            return .refused([["field": "\(field)-rating",
                              "message": "Choose the band for \(scope)\(scope.kind == "requirement" ? ", or its score on the scale (not both)" : "")"]])
        }
        do {
            try await record(scope, rating.flatMap(Rag.init(rawValue:)), score, form.text("reason"))
        } catch let refusal as Moderating.Refusal {
            let (suffix, message) = switch refusal {
            case .reasonMissing: ("reason", "Say why, for \(scope)")
            case .nothingToWithdraw: ("rating", "\(scope) has no moderated rating to withdraw")
            case .ratingMissing: ("rating", "Choose the band for \(scope), or its score on the scale")
            case .unknownOption(let id, _, let options): ("score", "Choose one of \(id)'s scale: \(options.joined(separator: ", "))")
            default: ("rating", "Choose a requirement or standard from the list")
            }
            return .refused([["field": "\(field)-\(suffix)", "message": message]])
        } catch let refusal as ChangeRules.Refusal {
            return .refused([["field": "\(field)-rating", "message": refusal.message.capitalisedFirst]])
        }
        return .saved(field)
    }

    /// The score select's options for a requirement (its scale, best first); none for a standard.
    static func scoreOptions(_ moderating: Moderating, _ scope: Moderation.Scope) -> [[String: String]] {
        guard case .requirement(let id) = scope else { return [] }
        return moderating.options(requirementID: id).map { ["value": $0.value, "label": "\($0.value): \($0.label)"] }
    }

    /// The page's values: the rows, the trail and the overall ratings; the forms post to `action`.
    func values(csrf: String, action: String) async throws -> [String: Any] {
        let card = try await session.scorecard()
        let moderating = Moderating(session: session)
        var rows: [[String: Any]] = []
        for standard in card.standards {
            for item in [(Moderation.Scope.standard(standard.standardID), "Standard \(standard.number). \(standard.title)", standard.rating,
                          standard.moderation, standard.moderatedRating)]
                + standard.requirements.map({ (Moderation.Scope.requirement($0.requirementID), "\($0.requirementID) \($0.statement)", $0.rating,
                                               $0.moderation, $0.moderatedRating) }) {
                let options = Self.scoreOptions(moderating, item.0)
                let values: [String: Any?] = [
                    "domID": WebApp.domID(item.0.description), "label": item.1, "selfRating": item.2.text,
                    "moderated": (item.3?.text ?? "-")
                        + (item.4.map { "; moderated \($0.text)" } ?? ""),
                    "reason": item.3?.reason, "scope": "\(item.0.kind):\(item.0.id)",
                    "options": options, "hasOptions": !options.isEmpty, "action": action, "csrf": csrf,
                ]
                rows.append(values.compactMapValues { $0 })
            }
        }
        let trail = try await session.store.moderationTrail(auditID: session.audit.id).map { change -> [String: Any] in
            ["at": change.at, "by": change.by, "scope": change.scope.description,
             "old": (change.old?.label ?? "none") + Moderation.scoreText(change.oldOption),
             "new": (change.new?.label ?? "withdrawn") + Moderation.scoreText(change.newOption), "reason": change.reason]
        }
        return ["title": "Moderation", "csrf": csrf, "organisation": session.audit.organisation, "year": session.audit.year,
                "rows": rows, "canWithdraw": true, "trail": trail, "overall": card.overall.text, "moderatedOverall": card.moderatedOverall?.text ?? "",
                "hasModeratedOverall": card.moderatedOverall != nil]
    }
}
