import S11Core

/// A row of the peerProposal table: a peer's proposed rating and what the board decided.
struct PeerProposalRow: SQLRecord {
    var proposal: PeerProposal

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "peerProposal")
        proposal = PeerProposal(proposed: Moderation(scope: try columns.scope(), rag: try columns("rag"), option: try columns("option"),
                                                     reason: try columns("reason"), by: try columns("byName"), at: try columns("at")),
                                decision: try columns("decision"), decidedBy: try columns("decidedBy"))
    }
}
