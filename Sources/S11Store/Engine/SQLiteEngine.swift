import Foundation
import GRDB

/// The embedded SQLite file (WAL: readers see a snapshot while one writer works), through GRDB.
public final class SQLiteEngine: DatabaseEngine {
    let writer: any DatabaseWriter
    public var dialect: SQLDialect { .sqlite }

    /// Opens (creating if needed) the database file at `path`, or an in-memory database for ":memory:".
    public init(path: String) throws {
        do {
            if path == ":memory:" {
                writer = try DatabaseQueue()
            } else {
                var configuration = Configuration()
                configuration.foreignKeysEnabled = true
                configuration.busyMode = .timeout(10)
                writer = try DatabasePool(path: path, configuration: configuration)
            }
        } catch let error as DatabaseError {
            throw StoreError("cannot open the database \(path): \(error.message ?? error.description)")
        }
    }

    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try Self.reporting { try writer.read { db in try body(SQLiteConnection(db: db)) } }
    }

    @discardableResult
    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try Self.reporting { try writer.write { db in try body(SQLiteConnection(db: db)) } }
    }

    /// SQLite has one writer at a time: every write is alone.
    @discardableResult
    public func writeAlongside<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try write(body)
    }

    /// SQLite's own errors in words, as every other store error.
    private static func reporting<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw StoreError("the database said: \(error.message ?? error.description)")
        }
    }
}

/// A GRDB connection inside a transaction.
struct SQLiteConnection: SQLConnection {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        if arguments.isEmpty {
            try db.execute(sql: sql)
        } else {
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        }
        return db.changesCount
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let columns = SQLColumns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        while let row = try cursor.next() {
            try body(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
        }
    }

    func forEachBlob(_ sql: String, _ arguments: [any SQLBindable], _ body: (UnsafeRawBufferPointer) -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
        while let row = try cursor.next() {
            try row.withUnsafeData(atIndex: 0) { data in data?.withUnsafeBytes(body) }
        }
    }

    /// A write on SQLite is alone already.
    func excludeOtherWriters() throws {}

    func insertRows(into table: String, columns: [String], _ rows: [[SQLValue]]) throws {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
        for row in rows { try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue))) }
    }

    static func arguments(_ arguments: [any SQLBindable]) -> StatementArguments {
        StatementArguments(arguments.map { databaseValue($0.sqlValue) })
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .real(let real): real.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let data): data.databaseValue
        }
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let integer): .integer(integer)
        case .double(let real): .real(real)
        case .string(let text): .text(text)
        case .blob(let data): .blob(data)
        }
    }
}
