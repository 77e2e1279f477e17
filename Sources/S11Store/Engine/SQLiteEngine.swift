import S11Core
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
                // Deleted content is overwritten with zeros, not left in free pages (a document removed is gone).
                configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
                writer = try DatabasePool(path: path, configuration: configuration)
            }
        } catch let error as DatabaseError {
            throw StoreError("cannot open the database \(path): \(error.message ?? error.description)")
        }
    }

    public func reclaimDeleted(from table: String) async throws {
        guard writer is DatabasePool else { return }                         // in memory: no file to clear
        _ = try await Self.reporting {
            try await writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
    }

    public func read<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await Self.reporting {
            try await withoutActuallyEscaping(body) { try await writer.read(Self.transaction($0)).value }
        }
    }

    @discardableResult
    public func write<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await Self.reporting {
            try await withoutActuallyEscaping(body) { try await writer.write(Self.transaction($0)).value }
        }
    }

    /// `body` as GRDB's closure: run to its end on the thread GRDB lends the connection on.
    private static func transaction<T>(_ body: @escaping (any SQLConnection) async throws -> T)
        -> @Sendable (Database) throws -> UncheckedBox<T> {
        let body = UncheckedBox(body)
        return { db in UncheckedBox(try CallingThreadExecutor.run { try await body.value(GRDBConnection(db: db, thread: $0)) }) }
    }

    /// SQLite has one writer at a time: every write is alone.
    @discardableResult
    public func writeAlongside<T>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await write(body)
    }

    @discardableResult
    public func write<T>(locking keys: [WriteKey], _ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await write(body)
    }

    /// SQLite's own errors in words, as every other store error.
    private static func reporting<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as DatabaseError {
            throw StoreFailure("the database said: \(error.message ?? error.description)")
        }
    }
}

/// A GRDB connection inside a transaction. Each statement runs on the thread GRDB lent the
/// connection on, wherever the caller is (a move between two stores runs inside both).
struct GRDBConnection: SQLConnection {
    let db: Database
    let thread: CallingThreadExecutor
    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int {
        try await thread.onThisThread {
            if arguments.isEmpty {
                try db.execute(sql: sql)
            } else {
                try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
            }
            return db.changesCount
        }
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) async throws -> [SQLRow] {
        try await thread.onThisThread {
            let (columns, cursor) = try rows(sql, arguments)
            var rows: [SQLRow] = []
            while let row = try cursor.next() { rows.append(SQLRow(columns: columns, values: row.databaseValues.map(Self.value))) }
            return rows
        }
    }

    /// Rows go to `body` a thousand at a time, so that a body that works elsewhere (on another
    /// store) does not hop between threads for each row.
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) async throws -> Void) async throws {
        // The cursor is made, read and let go on the connection's thread only.
        let cursor = try await thread.onThisThread { UncheckedBox<(columns: SQLColumns, rows: RowCursor)?>(try rows(sql, arguments)) }
        do {
            while true {
                // A thousand rows at a time, or fewer when they are large (documents' chunks).
                let (batch, more) = try await thread.onThisThread {
                    var batch: [SQLRow] = [], bytes = 0
                    guard let (columns, rows) = cursor.value else { return (batch, false) }
                    while batch.count < 1_000, bytes < SQLValue.batchBytes {
                        guard let row = try rows.next() else { return (batch, false) }
                        let values: [SQLValue] = row.databaseValues.map(Self.value)
                        bytes += values.reduce(0) { $0 + $1.byteCount }
                        batch.append(SQLRow(columns: columns, values: values))
                    }
                    return (batch, true)
                }
                for row in batch { try await body(row) }
                if !more { break }
            }
        } catch {
            _ = try? await thread.onThisThread { cursor.value = nil }
            throw error
        }
        try await thread.onThisThread { cursor.value = nil }
    }

    /// A query's column names and a cursor over its rows (on the connection's thread).
    private func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> (columns: SQLColumns, rows: RowCursor) {
        let statement = try db.cachedStatement(sql: sql)
        return (SQLColumns(statement.columnNames), try Row.fetchCursor(statement, arguments: Self.arguments(arguments)))
    }

    func forEachBlob(_ sql: String, _ arguments: [any SQLBindable], _ body: (UnsafeRawBufferPointer) -> Void) async throws {
        try await thread.onThisThread {
            // Stepped through SQLite's C API: scoring a million staff answer sets reads them here,
            // and GRDB's row for each cost twice the counting itself.
            let statement = try db.cachedStatement(sql: sql)
            try statement.setArguments(Self.arguments(arguments))
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            while true {
                switch sqlite3_step(handle) {
                case SQLITE_ROW:
                    let start = sqlite3_column_blob(handle, 0)
                    body(UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, 0))))
                case SQLITE_DONE:
                    return
                default:
                    throw StoreFailure("the database said: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                }
            }
        }
    }

    /// A write on SQLite is alone already.
    func excludeOtherWriters() async throws {}

    /// A write on SQLite is alone already.
    func excludeOtherWriters(locking keys: [WriteKey]) async throws {}

    func insertRows(into table: String, columns: [String], _ rows: [[SQLValue]]) async throws {
        var remaining = rows.makeIterator()
        try await insertBatches(into: table, columns: columns) { batch in
            guard let row = remaining.next() else { return false }
            for value in row { batch.append(value) }
            return true
        }
    }

    func insertRows(into table: String, columns: [String], next: (inout [SQLBorrowedValue]) throws -> Bool) async throws {
        var row: [SQLBorrowedValue] = []
        try await insertBatches(into: table, columns: columns) { batch in
            guard try next(&row) else { return false }
            for value in row { batch.append(value) }
            return true
        }
    }

    /// Rows gathered for one multi-row INSERT: each value's place, its text or blob copied into
    /// one buffer, bound from there without another copy.
    private struct RowBatch {
        enum Slot { case null, integer(Int64), real(Double), text(Int, Int), blob(Int, Int) }
        var slots: [Slot] = []
        var bytes: [UInt8] = []

        mutating func append(_ value: SQLBorrowedValue) {
            switch value {
            case .null: slots.append(.null)
            case .integer(let integer): slots.append(.integer(integer))
            case .text(let text): appendBytes(text, as: Slot.text)
            case .blob(let blob): appendBytes(blob, as: Slot.blob)
            }
        }

        mutating func append(_ value: SQLValue) {
            switch value {
            case .null: slots.append(.null)
            case .integer(let integer): slots.append(.integer(integer))
            case .real(let real): slots.append(.real(real))
            case .text(let text):
                slots.append(.text(bytes.count, text.utf8.count))
                bytes += text.utf8
            case .blob(let data):
                slots.append(.blob(bytes.count, data.count))
                bytes += data
            }
        }

        private mutating func appendBytes(_ source: UnsafeRawBufferPointer, as slot: (Int, Int) -> Slot) {
            slots.append(slot(bytes.count, source.count))
            bytes.append(contentsOf: source)
        }
    }

    /// Inserts the rows `fill` adds to a batch one at a time (false when there are no more), many
    /// rows a statement: fewer steps, resets and locks a row. A million staff answer sets come
    /// through here; binding through SQLite's C API, not GRDB's arguments, saves a tenth of that.
    private func insertBatches(into table: String, columns: [String], fill: (inout RowBatch) throws -> Bool) async throws {
        try await thread.onThisThread {
            let perStatement = max(1, min(64, 32_000 / max(columns.count, 1)))
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            let insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            let fullSQL = insert + Array(repeating: tuple, count: perStatement).joined(separator: ", ")
            var batch = RowBatch()
            var rows = 0
            func flush() throws {
                guard rows > 0 else { return }
                let sql = rows == perStatement ? fullSQL : insert + Array(repeating: tuple, count: rows).joined(separator: ", ")
                let handle = try db.cachedStatement(sql: sql).sqliteStatement
                func refusal() -> StoreFailure { StoreFailure("the database said: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))") }
                defer {
                    sqlite3_reset(handle)
                    sqlite3_clear_bindings(handle)
                }
                try batch.bytes.withUnsafeBytes { buffer in
                    let base = buffer.baseAddress ?? Self.noBytes
                    for (index, slot) in batch.slots.enumerated() {
                        let position = Int32(index + 1)
                        // SQLITE_STATIC: the buffer is not touched until the statement is reset.
                        let code: Int32 = switch slot {
                        case .null: sqlite3_bind_null(handle, position)
                        case .integer(let integer): sqlite3_bind_int64(handle, position, integer)
                        case .real(let real): sqlite3_bind_double(handle, position, real)
                        case .text(let start, let count): sqlite3_bind_text(handle, position, (base + start).assumingMemoryBound(to: CChar.self), Int32(count), nil)
                        case .blob(let start, let count): sqlite3_bind_blob(handle, position, base + start, Int32(count), nil)
                        }
                        guard code == SQLITE_OK else { throw refusal() }
                    }
                    guard sqlite3_step(handle) == SQLITE_DONE else { throw refusal() }
                }
                batch.slots.removeAll(keepingCapacity: true)
                batch.bytes.removeAll(keepingCapacity: true)
                rows = 0
            }
            while true {
                let before = batch.slots.count
                guard try fill(&batch) else { break }
                precondition(batch.slots.count - before == columns.count, "one value a column")
                rows += 1
                if rows == perStatement { try flush() }
            }
            try flush()
        }
    }

    /// Where an empty text or blob points: SQLite binds a null pointer as NULL, not as empty.
    nonisolated(unsafe) private static let noBytes = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))

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
