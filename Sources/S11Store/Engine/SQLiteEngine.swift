import Foundation
import GRDB
import GRDBSQLite

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
        try Self.reporting { try writer.read { db in try body(GRDBConnection(db: db)) } }
    }

    @discardableResult
    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try Self.reporting { try writer.write { db in try body(GRDBConnection(db: db)) } }
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
struct GRDBConnection: SQLConnection {
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
        // Bound straight through SQLite's C API: a million staff answer sets are imported through
        // here, and building GRDB's arguments for each row cost a tenth of the import.
        let handle = statement.sqliteStatement
        func refusal() -> StoreError { StoreError("the database said: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))") }
        for row in rows {
            sqlite3_reset(handle)
            for (index, value) in row.enumerated() {
                let position = Int32(index + 1)
                let code: Int32 = switch value {
                case .null: sqlite3_bind_null(handle, position)
                case .integer(let integer): sqlite3_bind_int64(handle, position, integer)
                case .real(let real): sqlite3_bind_double(handle, position, real)
                case .text(let text): sqlite3_bind_text(handle, position, text, -1, Self.transient)
                case .blob(let data): data.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), Self.transient) }
                }
                guard code == SQLITE_OK else { throw refusal() }
            }
            let step = sqlite3_step(handle)
            guard step == SQLITE_DONE else {
                let error = refusal()
                sqlite3_reset(handle)
                throw error
            }
        }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies bound text and blobs (SQLITE_TRANSIENT).
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

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
