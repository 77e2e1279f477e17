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

    /// Sets the moderated band (nil withdraws it) and records the change in the trail.
    @discardableResult
    public func moderate(_ scope: Moderation.Scope, rag: Rag?, reason: String?, by: String?, at: Date = Date()) async throws -> ModerationChange {
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else { throw Refusal.reasonMissing }
        guard let by = by?.trimmingCharacters(in: .whitespacesAndNewlines), !by.isEmpty else { throw Refusal.moderatorMissing }
        if rag == nil, try await !session.store.moderations(auditID: session.audit.id).contains(where: { $0.scope == scope }) {
            throw Refusal.nothingToWithdraw(scope)
        }
        let change = try await session.store.moderate(auditID: session.audit.id, scope: scope, rag: rag, reason: reason, by: by,
                                                      at: ISO8601DateFormatter().string(from: at))
        // A board moderating what it holds sees the moderated bands on its dashboard at once.
        if try await session.store.roundMembership(auditID: session.audit.id)?.member.submittedAt != nil {
            try await session.store.updateBoardScores(try await BoardRounds.scores(of: session), auditID: session.audit.id)
        }
        return change
    }
}
