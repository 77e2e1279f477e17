import Foundation
import S11App
import S11Core

/// A posted rating (`scope`, `rating` or `score`, `reason`), as the moderation page, a challenge
/// panel's, a peer's and the board's reading all post it, applied through the application's
/// `Moderating` (or what the caller records), its refusals worded for the page.
struct ModerationForm {
    let session: AuditSession

    enum Outcome {
        /// Saved; the row to return to.
        case saved(String)
        case refused([FieldError])
    }

    /// Applies a posted moderation by `by`, for `changer` (the organisation, or the board that holds it).
    func apply(_ form: RatingForm, by: String, as changer: ChangeRules.Changer) async throws -> Outcome {
        let moderating = Moderating(session: session)
        return try await apply(form) { scope, rag, option, reason in
            try await moderating.moderate(scope, rag: rag, option: option, reason: reason, by: by, as: changer)
        }
    }

    /// Checks a posted rating and hands it to `record` (a moderation, a peer's proposal, the
    /// board's change to one); its refusals in the page's words.
    func apply(_ form: RatingForm,
               record: (Moderation.Scope, Rag?, String?, String?) async throws -> Void) async throws -> Outcome {
        let parts = (form.scope ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let scope = try? Moderating(session: session).scope(kind: parts[0], id: parts[1]) else {
            return .refused([FieldError(field: "main-content", message: "Choose a requirement or standard from the list")])
        }
        let field = WebApp.domID(scope.description)
        let score = form.score
        let rating = form.rating
        guard (score != nil) != (rating != nil), rating.map({ $0 == "none" || Rag(rawValue: $0) != nil }) ?? true else {
            return .refused([FieldError(field: "\(field)-rating",
                                        message: "Choose the band for \(scope)\(scope.kind == "requirement" ? ", or its score on the scale (not both)" : "")")])
        }
        do {
            try await record(scope, rating.flatMap(Rag.init(rawValue:)), score, form.reason)
        } catch let refusal as Moderating.Refusal {
            let (suffix, message) = switch refusal {
            case .reasonMissing: ("reason", "Say why, for \(scope)")
            case .nothingToWithdraw: ("rating", "\(scope) has no moderated rating to withdraw")
            case .ratingMissing: ("rating", "Choose the band for \(scope), or its score on the scale")
            case .unknownOption(let id, _, let options): ("score", "Choose one of \(id)'s scale: \(options.joined(separator: ", "))")
            default: ("rating", "Choose a requirement or standard from the list")
            }
            return .refused([FieldError(field: "\(field)-\(suffix)", message: message)])
        } catch let refusal as ChangeRules.Refusal {
            return .refused([FieldError(field: "\(field)-rating", message: refusal.message.capitalisedFirst)])
        }
        return .saved(field)
    }

    /// The score select's options for a requirement (its scale, best first); none for a standard.
    static func scoreOptions(_ moderating: Moderating, _ scope: Moderation.Scope) -> [RatingOption] {
        guard case .requirement(let id) = scope else { return [] }
        return moderating.options(requirementID: id).map { RatingOption(value: $0.value, label: "\($0.value): \($0.label)") }
    }
}
