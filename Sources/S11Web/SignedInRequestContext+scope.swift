import Hummingbird
import S11Core
import S11Store

/// What the signed-in account may see, each written once: an audit it may see, a round of its
/// board. Anything else is the same 404 as a page that is not there, so that nothing can be
/// learnt by trying ids.
extension SignedInRequestContext {
    /// What a page shows of an audit: summaries, which board users see for every organisation, or
    /// returns and changes, which only the organisation's own coordinator may see and make.
    enum Access { case summary, running }

    /// The audit the path names (`:id`) when the account may see it as `access` asks.
    func audit(_ access: Access, in store: AuditStore) async throws -> AuditRecord {
        guard let id = parameters.get("id").flatMap(Int64.init), let audit = try await store.audits.find(id: id, visibleTo: account),
              access == .summary || !account.isBoard else { throw HTTPError(.notFound) }
        return audit
    }

    /// The round the path names (`:round`) when the account, a board user, may see it: a round of
    /// their board.
    func round(in store: AuditStore) async throws -> BoardRound {
        guard let id = parameters.get("round").flatMap(Int64.init), let round = try await store.rounds.find(id: id),
              account.sees(board: round.board) else { throw HTTPError(.notFound) }
        return round
    }
}
