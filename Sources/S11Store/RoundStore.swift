import Foundation
import S11Core

/// Boards' rounds: each opens its members' audits at once and reads others' through crosswalks;
/// a member's lead submits its self-assessment to the board, which holds its scores until it
/// gives it back. What the board holds is written here only.
public struct RoundStore: StoreArea {
    let store: AuditStore

    /// Opens a board's round for `year` in one transaction: the round, an audit for every member
    /// organisation pinned to `files`, and an invitation to each lead's coordinator account (the
    /// token returned once, only its hash kept). All or nothing: an organisation that already
    /// has an audit that year, or a lead's e-mail that signs in for another organisation or as a
    /// board user, refuses the whole round.
    ///
    /// `readings` are member organisations that already answer another board's catalogue: the
    /// round reads their audit through the crosswalk named (its file among `crosswalks`, kept with
    /// the round) instead of opening another.
    public func open(board: String, year: Int, deadline: CalendarDate, files: [(kind: String, path: String, data: Data)],
                          members: [RoundMember], readings: [(member: RoundMember, auditID: Int64, crosswalkID: String)] = [],
                          crosswalks: [(id: String, data: Data)] = [], openedBy: String,
                          invitationLasting seconds: TimeInterval = 14 * 24 * 3600) async throws -> (round: BoardRound, invitations: [(member: RoundMember, token: String?)]) {
        let board = board.trimmingCharacters(in: .whitespaces)
        guard !board.isEmpty else { throw StoreError("the board's name is empty") }
        return try await engine.write { db in
            if try await db.fetchOne("SELECT 1 FROM round WHERE board = ? AND year = ?", [board, year]) != nil {
                throw StoreError("\(board) already has a round for \(year); see 's11 round list'")
            }
            let openedAt = Self.now()
            let roundID = try await db.insert("INSERT INTO round (board, year, deadline, openedAt, openedBy) VALUES (?, ?, ?, ?, ?)",
                                              [board, year, deadline.iso, openedAt, openedBy])
            var invitations: [(member: RoundMember, token: String?)] = []
            for member in members {
                let audit = try await AuditRecordStore.insert(organisation: member.organisation, year: year, files: files, db: db)
                try await db.execute("INSERT INTO roundMember (auditID, roundID, sector, leadName, leadEmail) VALUES (?, ?, ?, ?, ?)",
                                     [audit.id, roundID, member.sector, member.leadName, member.leadEmail])
                try await TrailStore.recordRound("opened in the board's round", new: "\(board) \(year), due \(deadline.spelledOut), lead \(member.leadEmail)",
                                                 by: openedBy, auditIDs: [audit.id], db: db)
                if let account = try await AccountStore.account(email: member.leadEmail, db: db) {
                    let organisation = account.organisation
                    guard let organisation, organisation.lowercased() == member.organisation.lowercased() else {
                        throw StoreError("\(member.leadEmail) already signs in \(organisation.map { "for \($0)" } ?? "as a board user"), so cannot lead \(member.organisation); name another lead for it")
                    }
                    invitations.append((member, nil))                          // signs in as before
                    continue
                }
                let token = try await AccountStore.replaceInvitation(email: member.leadEmail, organisation: audit.organisation, displayName: nil,
                                                                   expiresAt: Date().addingTimeInterval(seconds), db: db)
                invitations.append((member, token))
            }
            for crosswalk in crosswalks {
                try await db.execute("INSERT INTO roundCrosswalk (roundID, crosswalkID, body) VALUES (?, ?, ?)", [roundID, crosswalk.id, crosswalk.data])
            }
            for reading in readings {
                guard try await db.fetchOne("SELECT 1 FROM audit WHERE id = ? AND organisation = ? COLLATE NOCASE AND year = ?",
                                            [reading.auditID, reading.member.organisation, year]) != nil,
                      crosswalks.contains(where: { $0.id == reading.crosswalkID }) else {
                    throw StoreError("\(reading.member.organisation) has no \(year) audit to read, or its crosswalk is missing")
                }
                try await db.execute("""
                    INSERT INTO roundReading (roundID, auditID, sector, leadName, leadEmail, crosswalkID) VALUES (?, ?, ?, ?, ?, ?)
                    """, [roundID, reading.auditID, reading.member.sector, reading.member.leadName, reading.member.leadEmail, reading.crosswalkID])
            }
            guard let round = try await db.fetchOne(RoundRow.self, "SELECT * FROM round WHERE id = ?", [roundID])?.round else {
                throw StoreError("the round just opened, \(board) \(year), cannot be read back; nothing was kept")
            }
            return (round, invitations)
        }
    }

    /// Every round, newest year first.
    public func all() async throws -> [BoardRound] {
        try await engine.read { db in try await db.fetchAll(RoundRow.self, "SELECT * FROM round ORDER BY year DESC, board").map(\.round) }
    }

    /// The round with this id.
    public func find(id: Int64) async throws -> BoardRound? {
        try await engine.read { db in try await db.fetchOne(RoundRow.self, "SELECT * FROM round WHERE id = ?", [id])?.round }
    }

    /// The board's round of `year`, if it ran one.
    public func find(board: String, year: Int) async throws -> BoardRound? {
        try await engine.read { db in try await db.fetchOne(RoundRow.self, "SELECT * FROM round WHERE board = ? AND year = ?", [board, year])?.round }
    }

    /// The round's member organisations with their returns counted, in one query (fast for
    /// thousands), by organisation.
    public func members(roundID: Int64) async throws -> [RoundMemberStatus] {
        try await engine.read { db in
            let members = try await db.fetchAll(RoundMemberStatusRow.self,
                                                Self.memberQuery + " WHERE roundMember.roundID = ? GROUP BY \(Self.memberColumns) ORDER BY audit.organisation",
                                                [roundID]).map(\.status)
            let readings = try await db.fetchAll(RoundMemberStatusRow.self, Self.readingQuery, [roundID]).map(\.status)
            return readings.isEmpty ? members : (members + readings).sorted { $0.member.organisation.lowercased() < $1.member.organisation.lowercased() }
        }
    }

    /// The crosswalk files the round reads returns to other boards through, by id.
    public func crosswalks(roundID: Int64) async throws -> [String: Data] {
        try await engine.read { db in
            var files: [String: Data] = [:]
            for crosswalk in try await db.fetchAll(RoundCrosswalkRow.self, "SELECT crosswalkID, body FROM roundCrosswalk WHERE roundID = ?", [roundID]) {
                files[crosswalk.crosswalkID] = crosswalk.body
            }
            return files
        }
    }

    /// The round an audit belongs to and its place in it, or nil for an audit outside any round.
    public func membership(auditID: Int64) async throws -> (round: BoardRound, member: RoundMemberStatus)? {
        try await engine.read { db in
            guard let member = try await db.fetchOne(RoundMemberStatusRow.self,
                                                     Self.memberQuery + " WHERE roundMember.auditID = ? GROUP BY \(Self.memberColumns)",
                                                     [auditID])?.status,
                  let round = try await db.fetchOne(RoundRow.self, "SELECT * FROM round WHERE id = ?", [member.roundID])?.round else { return nil }
            return (round, member)
        }
    }

    /// The organisations a round reads through a crosswalk: their sector and lead as this board
    /// listed them, whether their own board holds the return, and their returns counted.
    static let readingQuery = """
        SELECT roundReading.auditID, roundReading.roundID, audit.organisation, roundReading.sector, roundReading.leadName, roundReading.leadEmail,
            own.submittedAt, own.submittedBy, own.declaration, own.returnedAt, own.returnReason, roundReading.crosswalkID,
            COUNT(officer.id) AS officers,
            COALESCE(SUM(CASE WHEN officer.status <> '\(ReturnStatus.notStarted.rawValue)' THEN 1 ELSE 0 END), 0) AS started,
            COALESCE(SUM(CASE WHEN officer.status = '\(ReturnStatus.submitted.rawValue)' THEN 1 ELSE 0 END), 0) AS submittedReturns
        FROM roundReading JOIN audit ON audit.id = roundReading.auditID LEFT JOIN roundMember own ON own.auditID = roundReading.auditID
            LEFT JOIN officer ON officer.auditID = audit.id
        WHERE roundReading.roundID = ?
        GROUP BY roundReading.auditID, roundReading.roundID, audit.organisation, roundReading.sector, roundReading.leadName, roundReading.leadEmail,
            own.submittedAt, own.submittedBy, own.declaration, own.returnedAt, own.returnReason, roundReading.crosswalkID
        """

    static let memberColumns = """
        roundMember.auditID, roundMember.roundID, audit.organisation, roundMember.sector, roundMember.leadName, roundMember.leadEmail,
        roundMember.submittedAt, roundMember.submittedBy, roundMember.declaration, roundMember.returnedAt, roundMember.returnReason
        """
    static let memberQuery = """
        SELECT \(memberColumns), NULL AS crosswalkID, COUNT(officer.id) AS officers,
            COALESCE(SUM(CASE WHEN officer.status <> '\(ReturnStatus.notStarted.rawValue)' THEN 1 ELSE 0 END), 0) AS started,
            COALESCE(SUM(CASE WHEN officer.status = '\(ReturnStatus.submitted.rawValue)' THEN 1 ELSE 0 END), 0) AS submittedReturns
        FROM roundMember JOIN audit ON audit.id = roundMember.auditID LEFT JOIN officer ON officer.auditID = audit.id
        """

    /// The organisation's lead submits its self-assessment to the board with their declaration: in
    /// one transaction the audit's scoring input is read and handed to `decide`, which applies the
    /// submission rule (throwing to refuse) and returns what the board is to hold
    /// (`BoardScore.snapshot`). No return can be reopened between the check and the hold, and the
    /// board holds it (no answers or officers change) until it returns it.
    public func submitToBoard(auditID: Int64, by: String, declaration: String,
                              decide: (AuditScoringInput) throws -> [BoardScore]) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            guard let member = try await db.fetchOne(RoundMemberRow.self, "SELECT submittedAt FROM roundMember WHERE auditID = ?", [auditID]) else {
                throw StoreError("this audit is not in a board's round, so there is no board to submit it to")
            }
            if member.submittedAt != nil { throw StoreError("the self-assessment is already with the board") }
            guard let audit = try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [auditID])?.audit else {
                throw StoreError("no audit \(auditID)")
            }
            let scores = try decide(try await store.audits.scoringInput(of: audit, db: db))
            try await db.execute("UPDATE roundMember SET submittedAt = ?, submittedBy = ?, declaration = ? WHERE auditID = ?",
                                 [Self.now(), by, declaration, auditID])
            try await Self.replaceBoardScores(scores, auditID: auditID, db: db)
            try await TrailStore.recordRound("submitted to the board", new: declaration, by: by, auditIDs: [auditID], db: db)
        }
    }

    /// The scores of every organisation the board holds in the round, by audit, each in the order submitted.
    public func boardScores(roundID: Int64) async throws -> [Int64: [BoardScore]] {
        try await engine.read { db in
            var scores: [Int64: [BoardScore]] = [:]
            for row in try await db.fetchAll(BoardScoreRow.self, """
                SELECT boardScore.* FROM boardScore JOIN roundMember ON roundMember.auditID = boardScore.auditID
                WHERE roundMember.roundID = ? AND roundMember.submittedAt IS NOT NULL ORDER BY boardScore.auditID, boardScore.position
                """, [roundID]) {
                scores[row.auditID, default: []].append(row.score)
            }
            // The returns this round reads through a crosswalk, as their own board holds them (in that board's terms).
            for row in try await db.fetchAll(BoardScoreRow.self, """
                SELECT boardScore.* FROM boardScore JOIN roundReading ON roundReading.auditID = boardScore.auditID
                JOIN roundMember own ON own.auditID = boardScore.auditID
                WHERE roundReading.roundID = ? AND own.submittedAt IS NOT NULL ORDER BY boardScore.auditID, boardScore.position
                """, [roundID]) {
                scores[row.auditID, default: []].append(row.score)
            }
            return scores
        }
    }

    /// What the board holds of each of the audits (as their own board holds them), by audit, each in the order submitted.
    public func boardScores(auditIDs: [Int64]) async throws -> [Int64: [BoardScore]] {
        guard !auditIDs.isEmpty else { return [:] }
        return try await engine.read { db in try await Self.boardScores(auditIDs: auditIDs, db: db) }
    }

    /// `boardScores(auditIDs:)` on `db`, inside the caller's transaction.
    static func boardScores(auditIDs: [Int64], db: any SQLConnection) async throws -> [Int64: [BoardScore]] {
        var scores: [Int64: [BoardScore]] = [:]
        for row in try await db.fetchAll(BoardScoreRow.self, """
            SELECT * FROM boardScore WHERE auditID IN (\(placeholders(auditIDs.count))) ORDER BY auditID, position
            """, auditIDs) {
            scores[row.auditID, default: []].append(row.score)
        }
        return scores
    }

    /// What each organisation submitted overall in a round (last year's, for the movement), by organisation.
    public func boardOveralls(roundID: Int64) async throws -> [String: BoardScore] {
        try await engine.read { db in
            var overalls: [String: BoardScore] = [:]
            for row in try await db.fetchAll(BoardOverallRow.self, """
                SELECT boardScore.*, audit.organisation FROM boardScore JOIN roundMember ON roundMember.auditID = boardScore.auditID
                JOIN audit ON audit.id = boardScore.auditID
                WHERE roundMember.roundID = ? AND roundMember.submittedAt IS NOT NULL AND boardScore.kind = 'overall'
                """, [roundID]) {
                overalls[row.organisation.lowercased()] = row.score
            }
            return overalls
        }
    }

    /// The board gives the self-assessment back to the organisation, saying why; it can change again.
    /// Only the round the organisation submitted to (`roundID`) can return it.
    public func returnToOrganisation(auditID: Int64, roundID: Int64, by: String, reason: String) async throws {
        try await engine.write(locking: .audit(auditID)) { db in
            guard let member = try await db.fetchOne(RoundMemberRow.self, "SELECT submittedAt FROM roundMember WHERE auditID = ? AND roundID = ?",
                                                     [auditID, roundID]),
                  member.submittedAt != nil else {
                throw StoreError("the board does not hold this self-assessment, so there is nothing to return")
            }
            try await db.execute("""
                UPDATE roundMember SET submittedAt = NULL, submittedBy = NULL, declaration = NULL, returnedAt = ?, returnedBy = ?,
                    returnReason = ? WHERE auditID = ?
                """, [Self.now(), by, reason, auditID])
            try await RoundFigures.keep(auditID: auditID, db: db)
            try await TrailStore.recordRound("returned to the organisation", new: reason, by: by, auditIDs: [auditID], db: db)
        }
    }

    // MARK: What the board holds

    /// The board that holds the audit now (its lead submitted it and it has not been given back),
    /// in the caller's transaction; nil when no board holds it.
    static func holdingBoard(auditID: Int64, db: any SQLConnection) async throws -> String? {
        try await db.fetchValue(String.self, """
            SELECT round.board FROM roundMember JOIN round ON round.id = roundMember.roundID
            WHERE roundMember.auditID = ? AND roundMember.submittedAt IS NOT NULL
            """, [auditID], table: "round")
    }

    /// Refuses a change to the answers or officers of an audit a board holds, in the caller's transaction.
    static func refuseIfHeldByBoard(auditID: Int64, db: any SQLConnection) async throws {
        if let refusal = ChangeRules.changingAnswers(heldBy: try await holdingBoard(auditID: auditID, db: db)) { throw refusal }
    }

    /// Replaces what the board holds of the audit with `scores`, in the caller's transaction (a
    /// submission, or a moderation by the board that holds it).
    static func replaceBoardScores(_ scores: [BoardScore], auditID: Int64, db: any SQLConnection) async throws {
        try await db.execute("DELETE FROM boardScore WHERE auditID = ?", [auditID])
        try await db.insertRows(into: "boardScore", columns: ["auditID", "kind", "scopeID", "position", "percent", "rag", "moderated",
                                                              "moderatedPercent", "isGap", "answered", "agreeing"],
                                scores.enumerated().map { position, score in
                                    [.integer(auditID), .text(score.kind.rawValue), .text(score.scopeID), .integer(Int64(position)),
                                     score.percent.map(SQLValue.real) ?? .null,
                                     score.rag.map { .text($0.rawValue) } ?? .null, score.moderated.map { .text($0.rawValue) } ?? .null,
                                     score.moderatedPercent.map(SQLValue.real) ?? .null, .integer(score.isGap ? 1 : 0),
                                     score.answered.map { .integer(Int64($0)) } ?? .null, score.agreeing.map { .integer(Int64($0)) } ?? .null]
                                })
        try await RoundFigures.keep(auditID: auditID, db: db)
    }
}
