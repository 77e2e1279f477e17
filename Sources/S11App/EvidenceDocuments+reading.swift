import S11Core

/// Who may read an evidence document: the officer their own; the organisation's coordinators
/// all of its audit's; once the self-assessment is submitted to its board, that board's users
/// (its challenge panels among them) and a peer reviewer while paired, each only a document the
/// board's view of the answers shows by service area: where the smallest group rule would single
/// out the officer, they see its name and no more.
extension EvidenceDocuments {
    /// The officer's own document with this id; nil for anyone else's.
    public func officerDocument(id: Int64, officer: Officer, auditID: Int64) async throws -> EvidenceDocument? {
        guard let document = try await store.documents.document(id: id, auditID: auditID),
              document.officerEmail.lowercased() == officer.email.lowercased() else { return nil }
        return document
    }

    /// The audit's document with this id when `account` may read it: any, for the organisation's
    /// own coordinator; for a user of the board that holds the self-assessment now, one that
    /// singles out no officer. Nil otherwise.
    public func document(id: Int64, for account: Coordinator, in session: AuditSession) async throws -> EvidenceDocument? {
        guard let document = try await store.documents.document(id: id, auditID: session.audit.id) else { return nil }
        if let organisation = account.organisation {
            return organisation.lowercased() == session.audit.organisation.lowercased() ? document : nil
        }
        guard try await heldByBoard(of: account, session.audit), try await !singlesOut(document, in: session) else { return nil }
        return document
    }

    /// Whether the board `account` works for holds the audit's self-assessment now (its lead
    /// submitted it and the board has not given it back).
    func heldByBoard(of account: Coordinator, _ audit: AuditRecord) async throws -> Bool {
        guard let (round, member) = try await store.rounds.membership(auditID: audit.id) else { return false }
        return account.sees(board: round.board) && member.submittedAt != nil
    }

    /// The document with this id of the return under review (`session`, through a lasting
    /// pairing), when it singles out no officer. Nil otherwise.
    public func peerDocument(id: Int64, in session: AuditSession) async throws -> EvidenceDocument? {
        guard let document = try await store.documents.document(id: id, auditID: session.audit.id),
              try await !singlesOut(document, in: session) else { return nil }
        return document
    }

    /// Whether the board's view of the answers would single out the officer who attached the
    /// document, or does not show its answer at all (not submitted, or carried and not kept).
    private func singlesOut(_ document: EvidenceDocument, in session: AuditSession) async throws -> Bool {
        try await boardAreas(in: session)[document.id] == nil
    }

    /// The service area the board's view of the answers (areas too small folded) shows each
    /// document under, by document id; a document whose officer it would single out, or whose
    /// answer it does not show, is not there.
    func boardAreas(in session: AuditSession) async throws -> [Int64: String] {
        var areas: [Int64: String] = [:]
        for answer in try await session.boardScorecard().standards.flatMap(\.requirements).flatMap(\.answers) where !answer.serviceArea.isEmpty {
            for mention in answer.documents { areas[mention.id] = answer.serviceArea }
        }
        return areas
    }
}
