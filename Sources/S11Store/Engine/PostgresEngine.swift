import Foundation
import Logging
import PostgresNIO

/// A PostgreSQL server, through PostgresNIO's `PostgresClient` and its connection pool: every
/// transaction leases a connection and awaits the server's replies without holding a thread.
///
/// Reads run at REPEATABLE READ, so each sees one snapshot, as SQLite's WAL readers do. Writes
/// take transaction-scoped advisory locks first, as narrow as the rule they check: a write to one
/// audit (an officer's save, an officer matched by e-mail, a submission to the board, a
/// moderation) holds that audit's key, a round's challenge events and pairings the round's, a
/// sign-in the account's and the address's (`WriteKey`), each beside the schema's lock shared; the
/// few that reach across (opening a round, accounts, data care) hold the schema's lock alone, and
/// so run one at a time as SQLite's writes do. Every check-then-change keeps the meaning it has on
/// SQLite, while writes to other audits, and reads, go on beside. Writes that are right whatever
/// commits meanwhile (a staff answer set under a random key) skip the locks, so that many commit
/// at once and the server flushes their log together.
public final class PostgresEngine: DatabaseEngine {
    public var dialect: SQLDialect { .postgres }
    public let location: PostgresLocation
    private let client: PostgresClient
    /// The pool's own work (opening, keeping alive and closing connections), for the engine's life.
    private let running: Task<Void, Never>
    private static let logger = Logger(label: "s11.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to the server at `url` (see `PostgresLocation`), creating the schema it names.
    /// One connection is opened first, so that a server that is not there, or a wrong password,
    /// is named at once (the pool would retry for a minute before it gave up).
    public init(url: String) async throws {
        location = try PostgresLocation(url: url)
        let first: PostgresConnection
        do {
            first = try await PostgresConnection.connect(configuration: location.configuration, id: 0, logger: Self.logger)
        } catch {
            throw StoreError("cannot connect to PostgreSQL at \(location.redacted): \(PostgresSession.describe(error)); "
                             + "check that the server runs, the URL and the password")
        }
        do {
            if let schema = location.schema {
                try await PostgresSession(connection: first, location: location).execute("CREATE SCHEMA IF NOT EXISTS \(schema)", [])
            }
            try? await first.close()
        } catch {
            try? await first.close()
            throw error
        }
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: Self.logger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit {
        running.cancel()
    }

    public func read<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction(readOnly: true, body)
    }

    @discardableResult
    public func write<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction(readOnly: false) { session in
            try await session.excludeOtherWriters()
            return try await body(session)
        }
    }

    @discardableResult
    public func write<T>(locking keys: [WriteKey], _ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction(readOnly: false) { session in
            try await session.excludeOtherWriters(locking: keys)
            return try await body(session)
        }
    }

    @discardableResult
    public func writeAlongside<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction(readOnly: false, body)
    }

    public func reclaimDeleted(from table: String) async throws {
        let location = location
        _ = try await client.withConnection { connection in
            try await PostgresSession(connection: connection, location: location).execute("VACUUM FULL \(table)", [])
        }
    }

    /// BEGIN goes out with the first statement, not ahead of it; a read-only transaction's COMMIT
    /// is sent without waiting (the connection's next user queues behind it); a write's is awaited,
    /// so that nothing is acknowledged before it is durable. A connection whose ROLLBACK failed
    /// is closed, so that the pool opens a new one instead of lending it again.
    private func transaction<T>(readOnly: Bool, _ body: (PostgresSession) async throws -> T) async throws -> T {
        let location = location
        let result: UncheckedBox<T>
        let leased = UncheckedBox(false)
        do {
            result = try await client.withConnection { connection in
                leased.value = true
                let session = PostgresSession(connection: connection, location: location)
                session.send(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
                let value: T
                do {
                    value = try await body(session)
                } catch {
                    do {
                        try await session.execute("ROLLBACK", [])
                    } catch {
                        _ = connection.close() as EventLoopFuture<Void>
                    }
                    throw error
                }
                if readOnly {
                    session.send("COMMIT")
                } else {
                    try await session.execute("COMMIT", [])
                }
                return UncheckedBox(value)
            }
        } catch where !leased.value {
            throw StoreError("cannot connect to PostgreSQL at \(location.redacted): \(PostgresSession.describe(error)); check that the server runs")
        }
        return result.value
    }
}
