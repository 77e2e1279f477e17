import Crypto
import Foundation
import S11Core

/// Everything s11 keeps, in the core's terms (audits, officers, returns, plans, staff answers,
/// coordinators), on either engine: the embedded SQLite file (the default) or a PostgreSQL
/// server. Every change is one transaction: it lands whole or not at all.
public final class AuditStore: Sendable {
    let engine: any DatabaseEngine
    /// Staff codebooks, decoded once per change.
    let codebooks = StaffCodebookCache()

    /// Opens the store at `location`: a `postgres://` URL (see `PostgresLocation`), or the path
    /// of an SQLite file (created when missing; ":memory:" for one that lives in memory), and
    /// brings its schema up to date.
    public init(database location: String) async throws {
        if PostgresLocation.isURL(location) {
            engine = try await PostgresEngine(url: location)
        } else {
            engine = try SQLiteEngine(path: location)
        }
        do {
            try await Schema.migrate(engine)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot bring the database \(location) up to date: \(error)")
        }
    }

    /// An in-memory SQLite store, for tests.
    public convenience init() async throws {
        try await self.init(database: ":memory:")
    }

    /// `location` as it may be shown: a PostgreSQL URL without its password.
    public static func displayName(_ location: String) -> String {
        (try? PostgresLocation(url: location).redacted) ?? location
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Audits

    /// Opens an audit, pinning the exact content files it will be run against.
    /// Opens an audit pinned to `files`. With `carryFrom`, last year's officers come over and their
    /// answers to the questions still asked (`questionIDs`) become starting values marked as carried,
    /// in the same transaction: the new audit has all of them or does not exist.
    public func openAudit(organisation: String, year: Int, files: [(kind: String, path: String, data: Data)],
                          carryFrom previous: AuditRecord? = nil, questionIDs: Set<String> = []) async throws -> AuditRecord {
        let organisation = organisation.trimmingCharacters(in: .whitespaces)
        guard !organisation.isEmpty else { throw StoreError("the organisation's name is empty") }
        return try await engine.write { db in
            let audit = try await Self.insertAudit(organisation: organisation, year: year, files: files, db: db)
            if let previous { try await Self.carry(from: previous.id, to: audit.id, questionIDs: questionIDs, db: db) }
            return audit
        }
    }

    /// Adds one audit pinned to `files`, refusing a second audit of the organisation for the year.
    static func insertAudit(organisation: String, year: Int, files: [(kind: String, path: String, data: Data)],
                            db: any SQLConnection) async throws -> AuditRecord {
        if try await db.fetchOne("SELECT 1 FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?", [organisation, year]) != nil {
            throw StoreError("an audit for \(organisation) \(year) is already open; see 's11 audit list'")
        }
        let openedAt = Self.now()
        let id = try await db.insert("INSERT INTO audit (organisation, year, openedAt) VALUES (?, ?, ?)", [organisation, year, openedAt])
        for file in files {
            let hash = Self.sha256(file.data)
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
            if carried > 0 {
                try await db.execute("UPDATE officer SET status = ? WHERE id = ?", [ReturnStatus.inProgress.rawValue, officerID])
            }
        }
    }

    /// Every audit, newest first.
    public func audits() async throws -> [AuditRecord] {
        try await audits(organisation: nil)
    }

    /// The audits of one organisation (whatever its case), or every audit when nil; newest first.
    func audits(organisation: String?) async throws -> [AuditRecord] {
        try await engine.read { db in
            try await db.fetchAll(AuditRow.self, """
                SELECT * FROM audit WHERE CAST(? AS TEXT) IS NULL OR organisation = ? COLLATE NOCASE ORDER BY year DESC, organisation
                """, [organisation, organisation]).map(\.audit)
        }
    }

    /// The same organisation's audit of the year before, if there is one (for change since last year).
    public func previousAudit(of audit: AuditRecord) async throws -> AuditRecord? {
        try await engine.read { db in
            try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                  [audit.organisation, audit.year - 1])?.audit
        }
    }

    /// The audit named by organisation and/or year; with neither, the only audit there is.
    public func audit(organisation: String?, year: Int?) async throws -> AuditRecord {
        try await OrganisationYearChoice.one(of: try audits(), organisation: organisation, year: year, key: { ($0.organisation, $0.year) },
                        what: "audit", none: "no audit is open yet; start one with 's11 audit open --org NAME --year YYYY'")
    }

    /// The audit with this id.
    public func audit(id: Int64) async throws -> AuditRecord? {
        try await engine.read { db in try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ?", [id])?.audit }
    }

    /// The audits the coordinator may see: their organisation's, or every one for a board user.
    public func audits(visibleTo coordinator: Coordinator) async throws -> [AuditRecord] {
        guard let board = coordinator.board else { return try await audits(organisation: coordinator.organisation) }
        return try await engine.read { db in
            try await db.fetchAll(AuditRow.self, "SELECT * FROM audit WHERE \(Self.boardsAudit) ORDER BY year DESC, organisation", [board, board])
                .map(\.audit)
        }
    }

    /// An audit a board user of board `?` (given twice) sees: one in, or read by, a round of that board.
    private static let boardsAudit = """
        (id IN (SELECT roundMember.auditID FROM roundMember JOIN round ON round.id = roundMember.roundID WHERE round.board = ? COLLATE NOCASE)
         OR id IN (SELECT roundReading.auditID FROM roundReading JOIN round ON round.id = roundReading.roundID WHERE round.board = ? COLLATE NOCASE))
        """

    /// The audit with this id if the coordinator may see it; nil both when there is none and when
    /// it is another organisation's, so that nobody can tell the two apart.
    public func audit(id: Int64, visibleTo coordinator: Coordinator) async throws -> AuditRecord? {
        try await engine.read { db in
            if let board = coordinator.board {
                return try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ? AND \(Self.boardsAudit)", [id, board, board])?.audit
            }
            return try await db.fetchOne(AuditRow.self, "SELECT * FROM audit WHERE id = ? AND (CAST(? AS TEXT) IS NULL OR organisation = ? COLLATE NOCASE)",
                                         [id, coordinator.organisation, coordinator.organisation])?.audit
        }
    }

    /// The content files the audit was opened with, byte for byte.
    public func pinnedFiles(auditID: Int64) async throws -> [PinnedFile] {
        try await engine.read { db in
            try await db.fetchAll(PinnedFileRow.self, """
                SELECT ac.kind, ac.path, ac.sha256, c.body FROM auditContent ac JOIN content c ON c.sha256 = ac.sha256
                WHERE ac.auditID = ? ORDER BY ac.path
                """, [auditID]).map(\.file)
        }
    }

    // MARK: Areas

    /// An audit's officers and their links.
    public var officers: OfficerStore { OfficerStore(store: self) }
    /// Officers' returns and their answers, and when returns are due.
    public var returns: ReturnStore { ReturnStore(store: self) }
    /// The anonymous staff survey: its answers, imports and public link.
    public var staff: StaffStore { StaffStore(store: self) }
    /// Coordinators' and board users' accounts: passwords, sessions, sign-ins and invitations.
    public var accounts: AccountStore { AccountStore(store: self) }
    /// What became of the messages to officers.
    public var mail: MailStore { MailStore(store: self) }
    /// Organisations' plans.
    public var plans: PlanStore { PlanStore(store: self) }
    /// Challenge events of a round.
    public var events: ChallengeEventStore { ChallengeEventStore(store: self) }
    /// Peer reviews in a round: pairings and proposals.
    public var peers: PeerStore { PeerStore(store: self) }
    /// A round's own moderations and plans of the returns it reads through a crosswalk.
    public var readings: ReadingStore { ReadingStore(store: self) }
    /// Looking after the data: backups, restores, erasing a person, retention, moving stores.
    public var care: DataCare { DataCare(store: self) }
}
