import Foundation
import S11Core
import S11Store

/// The application: every use case the command line and the web run, over one store. It is the
/// only way in: the adapters hold an `S11App` and never the store, so each rule is written once,
/// here or in the core, and checked where the write it guards happens.
///
/// Made once per process by the composition file of each adapter (the CLI's `--db`, the
/// server's start), which is the only place that opens a store.
public struct S11App: Sendable {
    let store: AuditStore
    /// Where links point, how mail goes and which content new audits open on.
    public let settings: AppSettings
    /// Each audit's pinned content, parsed once.
    let contents: PinnedContents

    /// The application over `store`, which the caller opened.
    public init(store: AuditStore, settings: AppSettings = AppSettings()) {
        self.store = store
        self.settings = settings
        contents = PinnedContents(store: store)
    }

    /// Opens the store at `location` (an SQLite file, created when missing, or a `postgres://` URL),
    /// brings its schema up to date, and returns the application over it.
    public static func open(database location: String, settings: AppSettings = AppSettings()) async throws -> S11App {
        S11App(store: try await AuditStore(database: location), settings: settings)
    }

    /// `location` as it may be shown: a PostgreSQL URL without its password.
    public static func displayName(_ location: String) -> String {
        AuditStore.displayName(location)
    }

    /// The same application with other settings (the same store and content cache).
    public func with(settings: AppSettings) -> S11App {
        S11App(store: store, settings: settings, contents: contents)
    }

    private init(store: AuditStore, settings: AppSettings, contents: PinnedContents) {
        self.store = store
        self.settings = settings
        self.contents = contents
    }

    // MARK: Areas

    /// Coordinators' and board users' accounts: signing in and out, sessions, new passwords.
    public var accounts: Accounts { Accounts(store: store, idle: settings.sessionIdle) }

    /// Signing in through OpenID Connect providers, and the providers kept.
    public var signOn: SignOn { SignOn(store: store, settings: settings) }

    /// The coordinators of `account`'s organisation, kept by `account`; nil for a board user.
    public func team(of account: Coordinator) -> CoordinatorTeam? {
        CoordinatorTeam(store: store, settings: settings, account: account)
    }

    /// The audits: finding, listing and opening them.
    public var audits: AuditDirectory { AuditDirectory(app: self) }

    /// The use cases of one audit, with its pinned content (parsed once per process).
    public func session(_ audit: AuditRecord) async throws -> AuditSession {
        AuditSession(store: store, audit: audit, content: try await contents.content(of: audit), settings: settings)
    }

    /// The use cases of the audit an organisation and/or year names (the only audit when neither).
    public func session(organisation: String?, year: Int?) async throws -> AuditSession {
        try await session(try await store.audits.named(organisation: organisation, year: year))
    }

    /// The same, with the audit's staff answers counted while its content is read (`AuditSession.staffResults(counted:)`).
    public func sessionCounting(organisation: String?, year: Int?) async throws -> (session: AuditSession, counted: StaffCodeCounts) {
        let audit = try await store.audits.named(organisation: organisation, year: year)
        async let counted = store.staff.codeCounts(auditID: audit.id)
        let session = try await session(audit)
        return (session, try await counted)
    }

    /// Reminders on every audit's schedule, sent as they fall due.
    public var scheduledReminders: ScheduledReminders { ScheduledReminders(app: self) }

    /// Officers' returns at their links.
    public var officerLinks: OfficerLinks { OfficerLinks(app: self) }

    /// Evidence documents attached to answers: checked, scanned, kept and read back.
    public var documents: EvidenceDocuments { EvidenceDocuments(store: store, settings: settings) }

    /// The anonymous staff confidence survey at its public link.
    public var staffSurvey: StaffSurveyTaking { StaffSurveyTaking(app: self) }

    /// A board's rounds: opening, progress, submissions, events and readings.
    public var rounds: BoardRounds { BoardRounds(store: store, contents: contents) }

    /// Peer challenge between a round's member organisations.
    public var peers: PeerChallenge { PeerChallenge(store: store, contents: contents) }

    /// A stored plan, changed after drafting.
    public func planEditing(organisation: String, year: Int) -> PlanEditing {
        PlanEditing(store: store, organisation: organisation, year: year)
    }

    /// The plan of the audit an organisation and/or year names (the only stored plan when neither).
    public func plan(organisation: String?, year: Int?) async throws -> Plan {
        try await store.plans.named(organisation: organisation, year: year)
    }

    /// Stores a plan read from a file (`s11 plan import`), replacing the stored one only when asked.
    public func importPlan(_ plan: Plan, replace: Bool) async throws {
        try await store.plans.save(plan, replace: replace)
    }

    /// Personal data and backups: erasing an officer, retention, backup and restore, moving stores.
    public var care: StoreCare { StoreCare(store: store) }
}
