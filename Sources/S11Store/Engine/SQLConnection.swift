import S11Core
import Foundation

/// One transaction on one engine, as the store uses it: statements with `?` for each argument,
/// in a dialect both engines read (ON CONFLICT, RETURNING, COLLATE NOCASE).
public protocol SQLConnection {
    var dialect: SQLDialect { get }

    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int

    /// Every row a query returns.
    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) async throws -> [SQLRow]

    /// Calls `body` with each row in turn without keeping them, for results too big to hold.
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) async throws -> Void) async throws

    /// Calls `body` with the bytes of the first column of each row, read in place.
    func forEachBlob(_ sql: String, _ arguments: [any SQLBindable], _ body: (UnsafeRawBufferPointer) -> Void) async throws

    /// Inserts many rows into `table`'s `columns` with as few round trips as the engine allows.
    func insertRows(into table: String, columns: [String], _ rows: [[SQLValue]]) async throws

    /// Inserts rows as `next` gives them, one at a time (it fills in the row's values, one per
    /// column, and returns false when there are no more), binding the bytes it points at.
    func insertRows(into table: String, columns: [String], next: (inout [SQLBorrowedValue]) throws -> Bool) async throws

    /// From here to the end of the transaction no other writer runs; what it reads from now on
    /// includes every change committed before. (Every `write` starts so.)
    func excludeOtherWriters() async throws

    /// From here to the end of the transaction no other writer holding any of `keys` runs, nor
    /// any write that stops everything; writers holding other keys run beside. What it reads from
    /// now on includes every change those writers committed before. (Every `write(locking:)`
    /// starts so.)
    func excludeOtherWriters(locking keys: [WriteKey]) async throws
}

extension SQLConnection {
    /// Copies the rows `next` gives into values and inserts them a thousand at a time.
    public func insertRows(into table: String, columns: [String], next: (inout [SQLBorrowedValue]) throws -> Bool) async throws {
        var row: [SQLBorrowedValue] = []
        var more = true
        while more {
            var chunk: [[SQLValue]] = []
            while chunk.count < 1_000 {
                guard try next(&row) else { more = false; break }
                chunk.append(row.map(\.owned))
            }
            if !chunk.isEmpty { try await insertRows(into: table, columns: columns, chunk) }
        }
    }

    @discardableResult
    public func execute(_ sql: String) async throws -> Int {
        try await execute(sql, [])
    }

    /// Every row of a query without arguments.
    public func fetchAll(_ sql: String) async throws -> [SQLRow] {
        try await fetchAll(sql, [])
    }

    /// The first row a query returns, if any.
    public func fetchOne(_ sql: String, _ arguments: [any SQLBindable] = []) async throws -> SQLRow? {
        try await fetchAll(sql, arguments).first
    }

    /// Every row a query returns, each read once into its record.
    func fetchAll<Record: SQLRecord>(_ type: Record.Type, _ sql: String, _ arguments: [any SQLBindable] = []) async throws -> [Record] {
        try await fetchAll(sql, arguments).map(Record.init)
    }

    /// The first row a query returns read into its record, if there is a row.
    func fetchOne<Record: SQLRecord>(_ type: Record.Type, _ sql: String, _ arguments: [any SQLBindable] = []) async throws -> Record? {
        try await fetchOne(sql, arguments).map(Record.init)
    }

    /// The first column of the first row, if there is a row; a value that is not a `T` is an
    /// error naming `table` and the column.
    public func fetchValue<T: SQLDecodable>(_ type: T.Type, _ sql: String, _ arguments: [any SQLBindable] = [],
                                            table: String) async throws -> T? {
        try await fetchOne(sql, arguments).map { try $0.decode(at: 0, from: .table(table)) }
    }

    /// The first column of every row; a value that is not a `T` is an error naming `table` and the column.
    public func fetchColumn<T: SQLDecodable>(_ type: T.Type, _ sql: String, _ arguments: [any SQLBindable] = [],
                                             table: String) async throws -> [T] {
        try await fetchAll(sql, arguments).map { try $0.decode(at: 0, from: .table(table)) }
    }

    /// Runs an INSERT into a table keyed by `id` and returns the id the database gave the row.
    public func insert(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int64 {
        guard let row = try await fetchOne(sql + " RETURNING id", arguments) else {
            throw StoreFailure("the database gave no id for a new row")
        }
        return try row.decode(at: 0, from: .query("the new row"))
    }
}
