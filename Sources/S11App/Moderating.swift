import Foundation
import S11Core
import S11Store

/// Moderating an audit: a board's rating of a requirement or standard set beside the self rating,
/// or withdrawn, with why and by whom. What a moderation needs is decided here once; the command
/// line and the moderation page each say a refusal in their own words.
public struct Moderating: Sendable {
    public let session: AuditSession

    public init(session: AuditSession) {
        self.session = session
    }

    /// Why a moderation was refused.
    public enum Refusal: Error, Sendable, Equatable {
        case unknownRequirement(String)
        case unknownStandard(String)
        case reasonMissing
        case moderatorMissing
        /// A withdrawal where there is no moderated rating.
        case nothingToWithdraw(Moderation.Scope)
        /// A score on the scale for a standard, which has no single scale: score its requirements.
        case scoreForStandard(String)
        /// A score that is not an option of the requirement's scale; the options it has.
        case unknownOption(requirementID: String, option: String, options: [String])
        /// A peer's proposal with neither a band nor a score.
        case ratingMissing(Moderation.Scope)
    }

    /// The options a panel may score a requirement with: its question's scale, best first.
    public func options(requirementID: String) -> [ScaleOption] {
        guard let question = session.content.selfAssessment.questions.first(where: { $0.requirementID == requirementID }),
              let scale = session.content.scale(question.scaleID) else { return [] }
        return scale.options
    }

    /// The requirement or standard of the audit's catalogue with this id (whatever its case).
    public func scope(kind: String, id: String) throws(Refusal) -> Moderation.Scope {
        let catalogue = session.content.catalogue
        if kind == "standard" {
            guard let found = catalogue.standards.first(where: { $0.id.lowercased() == id.lowercased() }) else { throw .unknownStandard(id) }
            return .standard(found.id)
        }
        guard let found = catalogue.requirements.first(where: { $0.id.lowercased() == id.lowercased() }) else { throw .unknownRequirement(id) }
        return .requirement(found.id)
    }

    /// Text that says something, trimmed, or the refusal.
    static func given(_ text: String?, else refusal: Refusal) throws(Refusal) -> String {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { throw refusal }
        return text
    }

    /// The band and option a moderation (or a peer's proposal) records: for a score on the scale,
    /// the option it names (by value, or by its score as a panel says it: "2") and that option's
    /// band; otherwise the band as given (nil withdraws).
    public func rating(_ scope: Moderation.Scope, rag: Rag?, option: String?) throws(Refusal) -> (rag: Rag?, option: String?) {
        guard let given = option else { return (rag, nil) }
        guard case .requirement(let id) = scope else { throw Refusal.scoreForStandard(scope.id) }
        let choices = options(requirementID: id)
        let chosen = choices.first { $0.value.lowercased() == given.lowercased() } ?? choices.first { Double(given) == $0.score }
        guard let chosen, let rating = Scorer(content: session.content).moderatedRating(requirementID: id, option: chosen.value),
              let band = rating.rag else {
            throw Refusal.unknownOption(requirementID: id, option: given, options: choices.map(\.value))
        }
        return (band, chosen.value)
    }

    /// A rating as a peer proposes it or a reading board records it: checked as a moderation is,
    /// with a band or a score required (there is nothing to withdraw) and a reason.
    public func rating(_ scope: Moderation.Scope, rag: Rag?, option: String?, reason: String?, by: String,
                       at: Date) throws(Refusal) -> Moderation {
        let reason = try Self.given(reason, else: .reasonMissing)
        guard case (let band?, let option) = try rating(scope, rag: rag, option: option) else { throw Refusal.ratingMissing(scope) }
        return Moderation(scope: scope, rag: band, option: option, reason: reason, by: by, at: ISO8601DateFormatter().string(from: at))
    }

    /// Sets the moderated band (nil withdraws it), or for a requirement the panel's score on its
    /// own scale (`option`, whose band is then the moderated band), and records the change in the
    /// trail. While a board holds the audit only that board (`changer`) may moderate it, and what it
    /// holds is scored again in the same transaction, so its dashboard shows the change at once.
    @discardableResult
    public func moderate(_ scope: Moderation.Scope, rag: Rag?, option: String? = nil, reason: String?, by: String?,
                         as changer: ChangeRules.Changer = .organisation, at: Date = Date()) async throws -> ModerationChange {
        let reason = try Self.given(reason, else: .reasonMissing)
        let by = try Self.given(by, else: .moderatorMissing)
        let (rag, option) = try rating(scope, rag: rag, option: option)
        if rag == nil, try await !session.store.moderation.ratings(auditID: session.audit.id).contains(where: { $0.scope == scope }) {
            throw Refusal.nothingToWithdraw(scope)
        }
        let content = session.content
        return try await session.store.moderation.change(auditID: session.audit.id, scope: scope, rag: rag, option: option, reason: reason, by: by,
                                                at: ISO8601DateFormatter().string(from: at), as: changer) { input in
            AuditScoring.boardScores(input, content: content)
        }
    }
}
