import S11Core

/// Peer review in a round: pairings of member organisations, where the reviewer's coordinators
/// propose ratings of the reviewee's return for the board to decide.
public struct PeerStore: StoreArea {
    let store: AuditStore

    private static let pairingQuery = """
        SELECT peerPairing.*, reviewer.organisation AS reviewer, reviewee.organisation AS reviewee FROM peerPairing
        JOIN audit reviewer ON reviewer.id = peerPairing.reviewerAuditID JOIN audit reviewee ON reviewee.id = peerPairing.revieweeAuditID
        """

    /// Pairs two member organisations of a round: the reviewer's coordinators review the
    /// reviewee's return. Refused for an organisation outside the round, an organisation reviewing
    /// itself, or a pairing that already lasts.
    public func pair(roundID: Int64, reviewerAuditID: Int64, revieweeAuditID: Int64, by: String) async throws -> PeerPairing {
        guard reviewerAuditID != revieweeAuditID else { throw StoreError("an organisation cannot review its own return; choose another reviewer") }
        return try await engine.write(locking: .round(roundID)) { db in
            let members = Set(try await db.fetchColumn(Int64.self, "SELECT auditID FROM roundMember WHERE roundID = ?", [roundID], table: "roundMember"))
            guard members.contains(reviewerAuditID), members.contains(revieweeAuditID) else {
                throw StoreError("both organisations must be members of this round")
            }
            if try await db.fetchOne("""
                SELECT 1 FROM peerPairing WHERE reviewerAuditID = ? AND revieweeAuditID = ? AND endedAt IS NULL
                """, [reviewerAuditID, revieweeAuditID]) != nil {
                throw StoreError("those two organisations are already paired")
            }
            let id = try await db.insert("""
                INSERT INTO peerPairing (roundID, reviewerAuditID, revieweeAuditID, pairedAt, pairedBy) VALUES (?, ?, ?, ?, ?)
                """, [roundID, reviewerAuditID, revieweeAuditID, Self.now(), by])
            guard let pairing = try await db.fetchOne(PeerPairingRow.self, Self.pairingQuery + " WHERE peerPairing.id = ?", [id])?.pairing else {
                throw StoreError("the pairing just made cannot be read back; nothing was kept")
            }
            try await TrailStore.recordRound("peer review began", new: "\(pairing.reviewer) reviews \(pairing.reviewee)", by: by,
                                             auditIDs: [reviewerAuditID, revieweeAuditID], db: db)
            return pairing
        }
    }

    /// Ends a pairing: from now on the reviewer sees nothing of the reviewee's return. Its
    /// proposals stay for the board to decide.
    public func endPairing(id: Int64, roundID: Int64, by: String) async throws {
        try await engine.write(locking: .round(roundID)) { db in
            guard let pairing = try await db.fetchOne(PeerPairingRow.self, Self.pairingQuery + " WHERE peerPairing.id = ? AND peerPairing.roundID = ?",
                                                      [id, roundID])?.pairing, pairing.isActive else {
                throw StoreError("that pairing has already ended, or is not in this round")
            }
            try await db.execute("UPDATE peerPairing SET endedAt = ?, endedBy = ? WHERE id = ?", [Self.now(), by, id])
            try await TrailStore.recordRound("peer review ended", new: "\(pairing.reviewer) reviews \(pairing.reviewee)", by: by,
                                             auditIDs: [pairing.reviewerAuditID, pairing.revieweeAuditID], db: db)
        }
    }

    /// The round's pairings, lasting and ended, by reviewer.
    public func pairings(roundID: Int64) async throws -> [PeerPairing] {
        try await engine.read { db in
            try await db.fetchAll(PeerPairingRow.self,
                                  Self.pairingQuery + " WHERE peerPairing.roundID = ? ORDER BY reviewer.organisation, reviewee.organisation, peerPairing.id",
                                  [roundID]).map(\.pairing)
        }
    }

    /// The pairing with this id, lasting or ended.
    public func pairing(id: Int64) async throws -> PeerPairing? {
        try await engine.read { db in try await db.fetchOne(PeerPairingRow.self, Self.pairingQuery + " WHERE peerPairing.id = ?", [id])?.pairing }
    }

    /// The lasting pairings in which `organisation` reviews another: what its coordinators may see.
    public func assignments(organisation: String) async throws -> [PeerPairing] {
        try await engine.read { db in
            try await db.fetchAll(PeerPairingRow.self, Self.pairingQuery + """
                 WHERE peerPairing.endedAt IS NULL AND reviewer.organisation = ? COLLATE NOCASE ORDER BY reviewee.organisation
                """, [organisation]).map(\.pairing)
        }
    }

    /// The peer's proposal for one requirement or standard, replacing its earlier one. Refused
    /// once the pairing has ended, or once the board has decided that proposal.
    public func proposeRating(pairingID: Int64, _ proposal: Moderation) async throws {
        try await engine.write { db in
            guard try await db.fetchOne("SELECT 1 FROM peerPairing WHERE id = ? AND endedAt IS NULL", [pairingID]) != nil else {
                throw StoreError("the board has ended this peer review, so no more ratings can be proposed")
            }
            let key: [any SQLBindable] = [pairingID, proposal.scope.kind, proposal.scope.id]
            if let earlier = try await db.fetchOne(PeerProposalRow.self, "SELECT * FROM peerProposal WHERE pairingID = ? AND kind = ? AND scopeID = ?", key),
               earlier.proposal.decision != nil {
                throw StoreError("the board has already decided the proposal for \(proposal.scope)")
            }
            try await db.execute("DELETE FROM peerProposal WHERE pairingID = ? AND kind = ? AND scopeID = ?", key)
            try await db.execute("""
                INSERT INTO peerProposal (pairingID, kind, scopeID, rag, option, reason, byName, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, key + [proposal.rag.rawValue, proposal.option, proposal.reason, proposal.by, proposal.at])
        }
    }

    /// The pairing's proposals, in the order of their scope (kind, then id).
    public func proposals(pairingID: Int64) async throws -> [PeerProposal] {
        try await engine.read { db in
            try await db.fetchAll(PeerProposalRow.self, "SELECT * FROM peerProposal WHERE pairingID = ? ORDER BY kind, scopeID", [pairingID])
                .map(\.proposal)
        }
    }

    /// Records the board's decision on a proposal not yet decided.
    public func decideProposal(pairingID: Int64, scope: Moderation.Scope, decision: PeerProposal.Decision, by: String) async throws {
        try await engine.write { db in
            let changed = try await db.execute("""
                UPDATE peerProposal SET decision = ?, decidedBy = ?, decidedAt = ? WHERE pairingID = ? AND kind = ? AND scopeID = ? AND decision IS NULL
                """, [decision.rawValue, by, Self.now(), pairingID, scope.kind, scope.id])
            if changed == 0 { throw StoreError("there is no undecided proposal for \(scope)") }
        }
    }
}
