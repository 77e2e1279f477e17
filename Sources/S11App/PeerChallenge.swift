import Foundation
import S11Core
import S11Store

/// Peer challenge in a board's round, written once for the web and the command line: the board
/// pairs member organisations so that one reviews another's return before the challenge event;
/// the reviewer proposes moderated ratings with reasons, read-only otherwise; the board accepts a
/// proposal (it becomes the moderation) or changes it. A reviewer sees the return only while the
/// pairing lasts.
public struct PeerChallenge: Sendable {
    let store: AuditStore
    /// Each audit's pinned content, parsed once.
    let contents: PinnedContents

    /// Pairs `reviewerAuditID`'s organisation to review `revieweeAuditID`'s return.
    public func pair(roundID: Int64, reviewerAuditID: Int64, revieweeAuditID: Int64, by: String) async throws -> PeerPairing {
        try await store.peers.pair(roundID: roundID, reviewerAuditID: reviewerAuditID, revieweeAuditID: revieweeAuditID, by: by)
    }

    /// Ends a pairing: the reviewer no longer sees the return or proposes anything.
    public func end(pairingID: Int64, roundID: Int64, by: String) async throws {
        try await store.peers.endPairing(id: pairingID, roundID: roundID, by: by)
    }

    /// The pairing `id` when `coordinator` reviews through it now: it lasts and its reviewer is
    /// their organisation. Nil otherwise (a board user, another organisation, an ended pairing).
    public func assignment(id: Int64, for coordinator: Coordinator) async throws -> PeerPairing? {
        guard let organisation = coordinator.organisation, let pairing = try await store.peers.pairing(id: id), pairing.isActive,
              pairing.reviewer.lowercased() == organisation.lowercased() else { return nil }
        return pairing
    }

    /// The pairing with this id in round `roundID`; nil both when there is none and when it is
    /// another round's, so that nobody can tell the two apart.
    public func pairing(id: Int64, roundID: Int64) async throws -> PeerPairing? {
        guard let pairing = try await store.peers.pairing(id: id), pairing.roundID == roundID else { return nil }
        return pairing
    }

    /// The reviews `coordinator`'s organisation makes now (the lasting pairings it reviews
    /// through), by the organisation under review; none for a board user.
    public func assignments(for coordinator: Coordinator) async throws -> [PeerPairing] {
        guard let organisation = coordinator.organisation else { return [] }
        return try await store.peers.assignments(organisation: organisation)
    }

    /// What the reviewer proposed through `pairing`, each with the board's decision once made.
    public func proposals(_ pairing: PeerPairing) async throws -> [PeerProposal] {
        try await store.peers.proposals(pairingID: pairing.id)
    }

    /// The return under review, as its session (scorecard, answers, scale).
    public func reviewee(_ pairing: PeerPairing) async throws -> AuditSession {
        guard let audit = try await store.audits.find(id: pairing.revieweeAuditID) else { throw ApplicationError("the organisation under review is gone") }
        return AuditSession(store: store, audit: audit, content: try await contents.content(of: audit))
    }

    /// The peer proposes a band, or for a requirement a score on its scale, with why; checked as a
    /// moderation is (`Moderating`), and stored for the board to decide. `by` names the reviewer.
    public func propose(_ pairing: PeerPairing, scope: Moderation.Scope, rag: Rag?, option: String?, reason: String?, by: String,
                        at: Date = Date()) async throws {
        let proposal = try Moderating(session: try await reviewee(pairing))
            .rating(scope, rag: rag, option: option, reason: reason, by: "\(by) (\(pairing.reviewer))", at: at)
        try await store.peers.proposeRating(pairingID: pairing.id, proposal)
    }

    /// The board accepts a peer's proposal: it becomes the moderation, as proposed, with the peer's reason.
    public func accept(_ pairing: PeerPairing, scope: Moderation.Scope, by: String) async throws {
        guard let proposal = try await store.peers.proposals(pairingID: pairing.id).first(where: { $0.proposed.scope == scope }),
              proposal.decision == nil else { throw ApplicationError("there is no undecided proposal for \(scope)") }
        let proposed = proposal.proposed
        try await Moderating(session: try await reviewee(pairing)).moderate(
            scope, rag: proposed.rag, option: proposed.option, reason: "\(proposed.reason) (proposed by \(proposed.by), accepted)", by: by,
            as: try await board(of: pairing))
        try await store.peers.decideProposal(pairingID: pairing.id, scope: scope, decision: .accepted, by: by)
    }

    /// The board moderates the proposal's requirement or standard its own way instead.
    public func change(_ pairing: PeerPairing, scope: Moderation.Scope, rag: Rag?, option: String?, reason: String?, by: String) async throws {
        guard try await store.peers.proposals(pairingID: pairing.id).contains(where: { $0.proposed.scope == scope && $0.decision == nil }) else {
            throw ApplicationError("there is no undecided proposal for \(scope)")
        }
        try await Moderating(session: try await reviewee(pairing)).moderate(scope, rag: rag, option: option, reason: reason, by: by,
                                                                             as: try await board(of: pairing))
        try await store.peers.decideProposal(pairingID: pairing.id, scope: scope, decision: .changed, by: by)
    }

    /// The board whose round paired them, which decides the peers' proposals.
    private func board(of pairing: PeerPairing) async throws -> ChangeRules.Changer {
        guard let round = try await store.rounds.find(id: pairing.roundID) else { throw ApplicationError("the pairing's round is gone") }
        return .board(round.board)
    }
}
