import Foundation
import S11Core

/// Audits: each pinned to the exact content files it is run against, found by organisation and
/// year, by id, or as a coordinator may see them; and what one scores from.
public struct AuditRecordStore: StoreArea {
    let store: AuditStore

    /// Opens an audit pinned to `files`. With `carryFrom`, last year's officers come over and their
    /// answers to the questions still asked (`questionIDs`), and the documents attached to them,
    /// become starting values marked as carried, in the same transaction: the new audit has all
    /// of them or does not exist.
    public func open(organisation: String, year: Int, files: [(kind: String, path: String, data: Data)],
                     carryFrom previous: AuditRecord? = nil, questionIDs: Set<String> = []) async throws -> AuditRecord {
        let organisation = organisation.trimmingCharacters(in: .whitespaces)
        guard !organisation.isEmpty else { throw StoreError("the organisation's name is empty") }
        return try await engine.write { db in
            let audit = try await Self.insert(organisation: organisation, year: year, files: files, db: db)
            if let previous { try await Self.carry(from: previous.id, to: audit.id, questionIDs: questionIDs, db: db) }
            return audit
        }
    }

    /// Adds one audit pinned to `files`, refusing a second audit of the organisation for the year,
    /// in the caller's transaction (a round opens its members' audits so).
    static func insert(organisation: String, year: Int, files: [(kind: String, path: String, data: Data)],
                       db: any SQLConnection) async throws -> AuditRecord {
        if try await db.fetchOne("SELECT 1 FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?", [organisation, year]) != nil {
            throw StoreError("an audit for \(organisation) \(year) is already open; see 's11 audit list'")
        }
        let openedAt = Self.now()
        let id = try await db.insert("INSERT INTO audit (organisation, year, openedAt) VALUES (?, ?, ?)", [organisation, year, openedAt])
        for file in files {
            let hash = HexDigest.sha256(file.data)
            try await db.execute("INSERT INTO content (sha256, body) VALUES (?, ?) ON CONFLICT DO NOTHING", [hash, file.data])
            try await db.execute("INSERT INTO auditContent (auditID, kind, path, sha256) VALUES (?, ?, ?, ?)", [id, file.kind, file.path, hash])
        }
        return AuditRecord(id: id, organisation: organisation, year: year, openedAt: openedAt)
    }

    private static func carry(from previousID: Int64, to auditID: Int64, questionIDs: Set<String>, db: any SQLConnection) async throws {
        let now = Self.now()
        for previous in try await db.fetchAll(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? ORDER BY id", [previousID]) {
            let officer = previous.officer
            let officerID = try await db.insert("INSERT INTO officer (auditID, name, email, role, serviceArea, status) VALUES (?, ?, ?, ?, ?, ?)",
                                          [auditID, officer.name, officer.email, officer.role, officer.serviceArea,
                                           ReturnStatus.notStarted.rawValue])
            var carried = 0
            for answer in try await ReturnStore.answers(officerID: previous.id, db: db) where questionIDs.contains(answer.questionID) {
                try await db.execute("""
                    INSERT INTO answer (officerID, questionID, option, evidence, example, reason, updatedAt, carried)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                    """, [officerID, answer.questionID, answer.optionValue, answer.evidence, answer.example, answer.reason, now])
                carried += 1
            }
            // Their documents for those questions come too, as the same bytes, marked until kept.
            for id in try await db.fetchColumn(Int64.self, "SELECT id FROM document WHERE officerID = ? ORDER BY id", [previous.id], table: "document") {
                try await db.execute("""
                    INSERT INTO document (officerID, questionID, name, type, size, sha256, uploadedAt, uploadedBy, carried)
                    SELECT ?, questionID, name, type, size, sha256, uploadedAt, uploadedBy, 1 FROM document WHERE id = ? AND questionID IN (\(Self.placeholders(questionIDs.count)))
                    """, [officerID, id] + questionIDs.sorted())
            }
            if carried > 0 {
                try await db.execute("UPDATE officer SET status = ? WHERE id = ?", [ReturnStatus.inProgress.rawValue, officerID])
            }
        }
    }

    /// The audits of one organisation (whatever its case), or every audit when nil; newest first.
    public func all(organisation: String? = nil) async throws -> [AuditRecord] {
        try await engine.read { db in
            try await db.fetchAll(AuditRow.self, """
                SELECT * FROM audit WHERE CAST(? AS TEXT) IS NULL OR organisation = ? COLLATE NOCASE ORDER BY year DESC, organisation
                """, [organisation, organisation]).map(\.audit)
        }
    }

    /// The same organisation's audit of the year before, if there is one (for change since last year).
    public func previous(of audit: AuditRecord) async throws -> AuditRecord? {
        try await engine.read { db in
            try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                  [audit.organisation, audit.year - 1])?.audit
        }
    }

    /// The audit named by organisation and/or year; with neither, the only audit there is.
    public func named(organisation: String?, year: Int?) async throws -> AuditRecord {
        try await OrganisationYearChoice.one(of: try all(), organisation: organisation, year: year, key: { ($0.organisation, $0.year) },
                                             what: "audit", none: "no audit is open yet; start one with 's11 audit open --org NAME --year YYYY'")
    }

    /// The audit with this id.
    public func find(id: Int64) async throws -> AuditRecord? {
        try await engine.read { db in try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [id])?.audit }
    }

    /// The audits the coordinator may see: their organisation's, or every one for a board user.
    public func visible(to coordinator: Coordinator) async throws -> [AuditRecord] {
        guard let board = coordinator.board else { return try await all(organisation: coordinator.organisation) }
        return try await engine.read { db in
            try await db.fetchAll(AuditRow.self, "SELECT * FROM audit WHERE \(Self.boardsAudit) ORDER BY year DESC, organisation", [board, board])
                .map(\.audit)
        }
    }

    /// The audit with this id if the coordinator may see it; nil both when there is none and when
    /// it is another organisation's, so that nobody can tell the two apart.
    public func find(id: Int64, visibleTo coordinator: Coordinator) async throws -> AuditRecord? {
        try await engine.read { db in
            if let board = coordinator.board {
                return try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ? AND \(Self.boardsAudit)", [id, board, board])?.audit
            }
            return try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ? AND (CAST(? AS TEXT) IS NULL OR organisation = ? COLLATE NOCASE)",
                                         [id, coordinator.organisation, coordinator.organisation])?.audit
        }
    }

    /// An audit a board user of board `?` (given twice) sees: one in, or read by, a round of that board.
    private static let boardsAudit = """
        (id IN (SELECT roundMember.auditID FROM roundMember JOIN round ON round.id = roundMember.roundID WHERE round.board = ? COLLATE NOCASE)
         OR id IN (SELECT roundReading.auditID FROM roundReading JOIN round ON round.id = roundReading.roundID WHERE round.board = ? COLLATE NOCASE))
        """

    /// The content files the audit was opened with, byte for byte.
    public func pinnedFiles(auditID: Int64) async throws -> [PinnedFile] {
        try await engine.read { db in
            try await db.fetchAll(PinnedFileRow.self, """
                SELECT ac.kind, ac.path, ac.sha256, c.body FROM auditContent ac JOIN content c ON c.sha256 = ac.sha256
                WHERE ac.auditID = ? ORDER BY ac.path
                """, [auditID]).map(\.file)
        }
    }

    // MARK: What an audit scores from

    /// The audit's officers, submitted returns, moderation and staff counts, read together as one
    /// snapshot: for the scorecard.
    public func scoringInput(of audit: AuditRecord) async throws -> AuditScoringInput {
        try await engine.read { db in try await scoringInput(of: audit, db: db) }
    }

    /// The same, in the caller's transaction: inside the writes whose rules depend on the scores
    /// (a submission to the board, a moderation of what it holds).
    func scoringInput(of audit: AuditRecord, db: any SQLConnection) async throws -> AuditScoringInput {
        let officers = try await db.fetchAll(OfficerRow.self, "SELECT * FROM officer WHERE auditID = ? ORDER BY serviceArea, name",
                                             [audit.id])
        var returns: [OfficerReturn] = []
        for officer in officers.sorted(by: { $0.officer.email < $1.officer.email }) where officer.status == .submitted {
            returns.append(OfficerReturn(organisation: audit.organisation, year: audit.year, officerEmail: officer.officer.email,
                                         answers: try await ReturnStore.answers(officerID: officer.id, db: db)))
        }
        let moderations = try await db.fetchAll(ModerationRow.self, "SELECT * FROM moderation WHERE auditID = ? ORDER BY kind, scopeID",
                                                [audit.id]).map(\.moderation)
        let lastYear = try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                             [audit.organisation, audit.year - 1])?.audit
        return AuditScoringInput(audit: audit, officers: officers.map(\.officer), returns: returns, moderations: moderations,
                                 staffCounts: try await store.staff.codeCounts(auditID: audit.id, db: db),
                                 lastYearsStaffCounts: try await lastYear.asyncMap { try await store.staff.codeCounts(auditID: $0.id, db: db) },
                                 attached: AttachedDocuments(try await DocumentStore.documents(auditID: audit.id, officerEmail: nil, db: db)))
    }
}
