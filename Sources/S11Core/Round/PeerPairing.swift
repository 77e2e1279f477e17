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

    public init(id: Int64, roundID: Int64, reviewerAuditID: Int64, revieweeAuditID: Int64, reviewer: String, reviewee: String, pairedAt: String, endedAt: String?) {
        self.id = id
        self.roundID = roundID
        self.reviewerAuditID = reviewerAuditID
        self.revieweeAuditID = revieweeAuditID
        self.reviewer = reviewer
        self.reviewee = reviewee
        self.pairedAt = pairedAt
        self.endedAt = endedAt
    }
}
