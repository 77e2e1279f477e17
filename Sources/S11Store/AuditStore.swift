import Foundation

/// Everything s11 keeps, in the core's terms, on either engine: the embedded SQLite file (the
/// default) or a PostgreSQL server. Reached by area (`store.audits`, `store.officers`,
/// `store.rounds` ...), all over this one engine and its caches. Every change is one
/// transaction: it lands whole or not at all.
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

    // MARK: Areas

    /// Audits: opening one with its pinned content, finding them, what one scores from.
    public var audits: AuditRecordStore { AuditRecordStore(store: self) }
    /// An audit's officers and their links.
    public var officers: OfficerStore { OfficerStore(store: self) }
    /// Officers' returns and their answers, and when returns are due.
    public var returns: ReturnStore { ReturnStore(store: self) }
    /// The anonymous staff survey: its answers, imports and public link.
    public var staff: StaffStore { StaffStore(store: self) }
    /// Moderated ratings and their trail.
    public var moderation: ModerationStore { ModerationStore(store: self) }
    /// Organisations' plans.
    public var plans: PlanStore { PlanStore(store: self) }
    /// Coordinators' and board users' accounts: passwords, sessions, sign-ins and invitations.
    public var accounts: AccountStore { AccountStore(store: self) }
    /// What became of the messages to officers.
    public var mail: MailStore { MailStore(store: self) }
    /// Each audit's reminder schedule, and the scheduled reminders claimed.
    public var reminders: ReminderStore { ReminderStore(store: self) }
    /// Each audit's append-only trail of changes.
    public var trail: TrailStore { TrailStore(store: self) }
    /// Evidence documents attached to answers.
    public var documents: DocumentStore { DocumentStore(store: self) }
    /// The OpenID Connect providers accounts sign in through, and the sign-ins begun at them.
    public var signOn: SignOnStore { SignOnStore(store: self) }
    /// Boards' rounds: members, submissions and what the board holds.
    public var rounds: RoundStore { RoundStore(store: self) }
    /// Challenge events of a round.
    public var events: ChallengeEventStore { ChallengeEventStore(store: self) }
    /// Peer reviews in a round: pairings and proposals.
    public var peers: PeerStore { PeerStore(store: self) }
    /// A round's own moderations and plans of the returns it reads through a crosswalk.
    public var readings: ReadingStore { ReadingStore(store: self) }
    /// Looking after the data: backups, restores, erasing a person, retention, moving stores.
    public var care: DataCare { DataCare(store: self) }
}
