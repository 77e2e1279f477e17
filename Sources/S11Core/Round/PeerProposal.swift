/// A rating a peer organisation proposes for a requirement or standard of the return it was
/// assigned, with its reason, for the board to accept or change. Accepted, it becomes the board's
/// moderation as proposed; changed, the board's own moderation stands instead.
public struct PeerProposal: Sendable, Hashable {
    /// What the board decided.
    public enum Decision: String, Sendable, Hashable {
        case accepted, changed
    }

    /// The proposal, as a moderation would record it (the peer's band or score on the scale, why, who, when).
    public var proposed: Moderation
    public var decision: Decision?
    public var decidedBy: String?

    public init(proposed: Moderation, decision: Decision? = nil, decidedBy: String? = nil) {
        self.proposed = proposed
        self.decision = decision
        self.decidedBy = decidedBy
    }
}
