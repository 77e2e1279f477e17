/// A database s11 can keep its data in: the embedded SQLite file (the default) or a PostgreSQL
/// server. Every read sees one consistent state; every write is one transaction that lands whole
/// or not at all, and runs alone among writers unless it says it need not.
public protocol DatabaseEngine: Sendable {
    var dialect: SQLDialect { get }

    /// Runs `body` in a read-only transaction.
    func read<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` in a write transaction, alone among writers: committed when it returns,
    /// rolled back when it throws.
    @discardableResult
    func write<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` in a write transaction that changes only what `keys` name (an audit's rows, a
    /// round's, an account's sign-ins): alone among writers holding any of the same keys and among
    /// `write`s, which stop everything, but beside writers holding other keys. The rules it checks
    /// must read only what such writers or `write`s change. On SQLite, which has one writer, it
    /// runs alone.
    @discardableResult
    func write<T>(locking keys: [WriteKey], _ body: (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` in a write transaction that other writers may run beside (on SQLite, which has
    /// one writer, it still runs alone): for changes that stay right whatever else commits
    /// meanwhile, such as rows added under fresh random keys. Before a check-then-change it calls
    /// `excludeOtherWriters()` on the connection, or `excludeOtherWriters(locking:)` when what it
    /// checks is the audit's alone (a staff survey's codebook).
    @discardableResult
    func writeAlongside<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T

    /// Makes what was deleted from `table` unreadable from the database's files, outside any
    /// transaction: SQLite (which zeroes deleted content, `secure_delete`) copies its log into the
    /// file and empties the log; PostgreSQL rewrites the table (VACUUM FULL).
    func reclaimDeleted(from table: String) async throws
}

extension DatabaseEngine {
    /// `write(locking:)` holding one key.
    @discardableResult
    public func write<T>(locking key: WriteKey, _ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await write(locking: [key], body)
    }
}
