import S11Core

/// A row of the peerPairing table with the names of the two organisations it pairs (from their
/// audits).
struct PeerPairingRow: SQLRecord {
    var pairing: PeerPairing

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "peerPairing")
        let names = RowColumns(row, query: "the pairings with their organisations' names")
        pairing = PeerPairing(id: try columns("id"), roundID: try columns("roundID"), reviewerAuditID: try columns("reviewerAuditID"),
                              revieweeAuditID: try columns("revieweeAuditID"), reviewer: try names("reviewer"), reviewee: try names("reviewee"),
                              pairedAt: try columns("pairedAt"), endedAt: try columns("endedAt"))
    }
}
