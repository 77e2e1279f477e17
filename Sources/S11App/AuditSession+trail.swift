import Foundation
import S11Core

/// The audit's trail of changes, read as the coordinator filters it, or as much of it as was
/// submitted to a board.
extension AuditSession {
    /// What of the trail a board user reads: what was submitted to the board (the moderation, the
    /// plan) and the round's own steps. Never answers, officers, invitations or accounts, which
    /// would name officers.
    public static let boardSubjects: [TrailEntry.Subject] = [.round, .moderation, .plan]

    /// The entries `filter` selects (its days in the council's time zone), oldest first.
    public func trail(_ filter: TrailFilter = TrailFilter()) async throws -> [TrailEntry] {
        try await entries(filter, subjects: nil)
    }

    /// What a user of `account`'s board reads of the trail: the round the audit is in, and the
    /// entries (`boardSubjects`; `filter`'s days and requirement, never an officer) oldest first,
    /// or nil while the organisation has not submitted its self-assessment to the board (nor had
    /// it given back). Nil for an audit in no round of that board.
    public func boardTrail(_ filter: TrailFilter, for account: Coordinator) async throws -> (roundID: Int64, entries: [TrailEntry]?)? {
        guard let (round, member) = try await store.rounds.membership(auditID: audit.id), account.sees(board: round.board) else { return nil }
        guard member.submittedAt != nil || member.returnedAt != nil else { return (round.id, nil) }
        var filter = filter
        filter.officer = nil
        return (round.id, try await entries(filter, subjects: Self.boardSubjects))
    }

    private func entries(_ filter: TrailFilter, subjects: [TrailEntry.Subject]?) async throws -> [TrailEntry] {
        let zone = settings.moments.timeZone
        return try await store.trail.entries(auditID: audit.id, officer: filter.officer, item: filter.item,
                                             from: filter.from?.start(in: zone), to: filter.to?.adding(days: 1).start(in: zone), subjects: subjects)
    }
}
