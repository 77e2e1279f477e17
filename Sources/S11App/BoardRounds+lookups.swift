import Foundation
import S11Core

/// A board's rounds and what hangs off them, looked up by the pages and the command line.
extension BoardRounds {
    /// Every round on the server, newest first.
    public func all() async throws -> [BoardRound] {
        try await store.rounds.all()
    }

    /// The rounds `account` (a board user) may see: their board's, or every one for a board user
    /// from before boards were named.
    public func visible(to account: Coordinator) async throws -> [BoardRound] {
        try await all().filter { account.sees(board: $0.board) }
    }

    /// The round with this id, if there is one.
    public func round(id: Int64) async throws -> BoardRound? {
        try await store.rounds.find(id: id)
    }

    /// The round with this id when `account` may see it; nil both when there is none and when it
    /// is another board's.
    public func round(id: Int64, visibleTo account: Coordinator) async throws -> BoardRound? {
        guard let round = try await store.rounds.find(id: id), account.sees(board: round.board) else { return nil }
        return round
    }

    /// The member of round `roundID` whose audit this is, answering its catalogue or read through a
    /// crosswalk; nil for an organisation the round does not have.
    public func member(roundID: Int64, auditID: Int64) async throws -> RoundMemberStatus? {
        if let member = try await store.rounds.member(roundID: roundID, auditID: auditID) { return member }
        return try await store.rounds.readings(roundID: roundID).first { $0.auditID == auditID }
    }

    /// The round's challenge events, in the order they were scheduled.
    public func events(roundID: Int64) async throws -> [ChallengeEvent] {
        try await store.events.all(roundID: roundID)
    }

    /// The challenge event with this id, if there is one.
    public func event(id: Int64) async throws -> ChallengeEvent? {
        try await store.events.find(id: id)
    }

    /// The round's peer pairings.
    public func pairings(roundID: Int64) async throws -> [PeerPairing] {
        try await store.peers.pairings(roundID: roundID)
    }

    /// The plan the reading board drafted for a return it reads; nil before it drafts one.
    public func readingPlan(roundID: Int64, auditID: Int64) async throws -> Plan? {
        try await store.readings.plan(roundID: roundID, auditID: auditID)
    }
}
