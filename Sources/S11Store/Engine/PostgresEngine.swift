import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A PostgreSQL server, through PostgresNIO, behind the same synchronous transactions as SQLite.
///
/// Reads run at REPEATABLE READ, so each sees one snapshot, as SQLite's WAL readers do. Writes
/// take a transaction-scoped advisory lock first (one per schema), so they run one at a time as
/// SQLite's do: every check-then-change in the store (a codebook grown by a submission, an
/// officer matched by e-mail, a plan saved only when absent) keeps the meaning it has on SQLite,
/// while reads go on beside them. Writes that are right whatever commits meanwhile (a staff
/// answer set under a random key) skip the lock, so that many commit at once and the server
/// flushes their log together. Connections are pooled; one that was lost is not reused.
public final class PostgresEngine: DatabaseEngine {
    public var dialect: SQLDialect { .postgres }
    public let location: PostgresLocation
    private let pool: PostgresPool

    /// The store's own event loops: callers wait on them from their threads, which must never
    /// be these (a web server's loops are others).
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    /// Connects to the server at `url` (see `PostgresLocation`), creating the schema it names.
    public init(url: String) throws {
        location = try PostgresLocation(url: url)
        pool = PostgresPool(location: location, eventLoops: Self.eventLoops)
        if let schema = location.schema {
            try pool.withConnection { connection in
                try PostgresSession(connection: connection, location: location).execute("CREATE SCHEMA IF NOT EXISTS \(schema)", [])
            }
        }
    }

    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction(readOnly: true, body)
    }

    @discardableResult
    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction(readOnly: false) { session in
            try session.excludeOtherWriters()
            return try body(session)
        }
    }

    @discardableResult
    public func writeAlongside<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction(readOnly: false, body)
    }

    /// BEGIN goes out with the first statement, not ahead of it; a read-only transaction's COMMIT
    /// is sent without waiting (the connection's next user queues behind it); a write's is awaited,
    /// so that nothing is acknowledged before it is durable.
    private func transaction<T>(readOnly: Bool, _ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withConnection { connection in
            let session = PostgresSession(connection: connection, location: location)
            session.send(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
            let result: T
            do {
                result = try body(session)
            } catch {
                do {
                    try session.execute("ROLLBACK", [])
                } catch {
                    throw PostgresPool.Lost(error)
                }
                throw error
            }
            if readOnly {
                session.send("COMMIT")
            } else {
                try session.execute("COMMIT", [])
            }
            return result
        }
    }
}

/// Open connections to one server, handed to one transaction at a time; at most `poolSize`.
final class PostgresPool: @unchecked Sendable {
    private let location: PostgresLocation
    private let eventLoops: any EventLoopGroup
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private static let logger = Logger(label: "s11.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(location: PostgresLocation, eventLoops: any EventLoopGroup) {
        self.location = location
        self.eventLoops = eventLoops
    }

    deinit {
        for connection in idle { Self.close(connection) }
    }

    /// Closes a connection, keeping it until it is closed (the driver requires that).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Thrown by a transaction whose connection can no longer be trusted (its ROLLBACK failed).
    struct Lost: Error {
        var underlying: any Error
        init(_ underlying: any Error) { self.underlying = underlying }
    }

    /// Runs `body` with a connection of its own; a connection that was lost is not pooled again.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(connection)
            checkIn(connection, healthy: true)
            return result
        } catch let lost as Lost {
            checkIn(connection, healthy: false)
            throw lost.underlying
        } catch {
            checkIn(connection, healthy: !connection.isClosed)
            throw error
        }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while true {
            while idle.isEmpty && open >= location.poolSize { condition.wait() }
            guard let connection = idle.popLast() else { break }
            if !connection.isClosed {
                condition.unlock()
                return connection
            }
            open -= 1                                   // the server closed it while it was idle (a restart)
            Self.close(connection)
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try PostgresConnection.connect(on: eventLoops.next(), configuration: location.configuration,
                                                  id: id, logger: Self.logger).wait()
        } catch {
            condition.withLock { open -= 1 }
            condition.signal()
            throw StoreError("cannot connect to PostgreSQL at \(location.redacted): \(PostgresSession.describe(error)); "
                             + "check that the server runs, the URL and the password")
        }
    }

    private func checkIn(_ connection: PostgresConnection, healthy: Bool) {
        condition.withLock {
            if healthy && !connection.isClosed {
                idle.append(connection)
            } else {
                open -= 1
                Self.close(connection)
            }
        }
        condition.signal()
    }
}
