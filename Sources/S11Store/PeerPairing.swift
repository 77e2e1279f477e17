import S11Core

/// Two member organisations of a round paired for peer challenge: the reviewer's coordinators see
/// the reviewee's return, read-only, and propose moderated ratings, until the board ends the pairing.
public struct PeerPairing: Sendable, Hashable {
    public var id: Int64
    public var roundID: Int64
    public var reviewerAuditID: Int64
    public var revieweeAuditID: Int64
    public var reviewer: String
    public var reviewee: String
    public var pairedAt: String
    /// When the board ended it; nil while it lasts.
    public var endedAt: String?

    /// The reviewer may see the return and propose ratings.
    public var isActive: Bool { endedAt == nil }

    init(_ row: SQLRow) {
        id = row["id"]
        roundID = row["roundID"]
        reviewerAuditID = row["reviewerAuditID"]
        revieweeAuditID = row["revieweeAuditID"]
        reviewer = row["reviewer"]
        reviewee = row["reviewee"]
        pairedAt = row["pairedAt"]
        endedAt = row["endedAt"]
    }
}
