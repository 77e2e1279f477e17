import Foundation

/// One transaction on one engine, as the store uses it: statements with `?` for each argument,
/// in a dialect both engines read (ON CONFLICT, RETURNING, COLLATE NOCASE).
public protocol SQLConnection {
    var dialect: SQLDialect { get }

    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int

    /// Every row a query returns.
    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow]

    /// Calls `body` with each row in turn without keeping them, for results too big to hold.
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws

    /// Calls `body` with the bytes of the first column of each row, read in place.
    func forEachBlob(_ sql: String, _ arguments: [any SQLBindable], _ body: (UnsafeRawBufferPointer) -> Void) throws

    /// Inserts many rows into `table`'s `columns` with as few round trips as the engine allows.
    func insertRows(into table: String, columns: [String], _ rows: [[SQLValue]]) throws

    /// From here to the end of the transaction no other writer runs; what it reads from now on
    /// includes every change committed before. (Every `write` starts so.)
    func excludeOtherWriters() throws
}

extension SQLConnection {
    @discardableResult
    public func execute(_ sql: String) throws -> Int {
        try execute(sql, [])
    }

    /// Every row of a query without arguments.
    public func fetchAll(_ sql: String) throws -> [SQLRow] {
        try fetchAll(sql, [])
    }

    /// The first row a query returns, if any.
    public func fetchOne(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> SQLRow? {
        try fetchAll(sql, arguments).first
    }

    /// The first column of the first row, if there is a row.
    public func fetchValue<T: SQLDecodable>(_ type: T.Type, _ sql: String, _ arguments: [any SQLBindable] = []) throws -> T? {
        try fetchOne(sql, arguments).map { $0[0] }
    }

    /// The first column of every row.
    public func fetchColumn<T: SQLDecodable>(_ type: T.Type, _ sql: String, _ arguments: [any SQLBindable] = []) throws -> [T] {
        try fetchAll(sql, arguments).map { $0[0] }
    }

    /// Runs an INSERT into a table keyed by `id` and returns the id the database gave the row.
    public func insert(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int64 {
        guard let id = try fetchValue(Int64.self, sql + " RETURNING id", arguments) else {
            throw StoreError("the database gave no id for a new row")
        }
        return id
    }
}
