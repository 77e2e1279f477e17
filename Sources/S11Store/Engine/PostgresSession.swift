import S11Core
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// One pooled PostgreSQL connection inside a transaction: the store's `?` become `$1`, `$2`…,
/// and PostgreSQL's values come back as the SQLite storage classes the store reads.
final class PostgresSession: SQLConnection {
    let connection: PostgresConnection
    let location: PostgresLocation
    var dialect: SQLDialect { .postgres }
    /// Statements sent and not yet waited for; the next statement's reply waits for them first.
    private var pending: [EventLoopFuture<PostgresQueryResult>] = []
    /// Cursors opened in this transaction, to name the next one.
    private var cursors = 0
    /// From how many rows an insert goes through COPY rather than INSERT.
    static let copyFromRows = 200
    /// PostgreSQL takes at most 65,535 parameters in one statement.
    static let maximumParameters = 65_535

    init(connection: PostgresConnection, location: PostgresLocation) {
        self.connection = connection
        self.location = location
    }

    /// Sends a statement without waiting for its reply: the connection runs statements in order,
    /// and the next one waited for reports its failure.
    func send(_ sql: String, _ arguments: [any SQLBindable] = []) {
        pending.append(connection.query(query(sql, arguments.map(\.sqlValue)), logger: connection.logger))
    }

    /// The schema's lock, held alone: no other writer runs beside (`write`).
    func excludeOtherWriters() async throws {
        try await execute("SELECT pg_advisory_xact_lock(5311, hashtext(current_schema()))", [])
    }

    /// The schema's lock shared (so a `write` that stops everything waits for this one, and this
    /// one for it), then each key's own lock alone, in the keys' order (so writers holding a key
    /// run one at a time); writers holding other keys run beside. Always in this order, so two
    /// never wait for each other.
    func excludeOtherWriters(locking keys: [WriteKey]) async throws {
        send("SELECT pg_advisory_xact_lock_shared(5311, hashtext(current_schema()))")
        for key in Set(keys).sorted() {
            let (namespace, second, argument) = key.lock
            send("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '\(namespace)'), \(second))", [argument])
        }
        try await execute("SELECT 1", [])                                     // every lock granted
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int {
        try await reply(connection.query(query(sql, arguments.map(\.sqlValue)), logger: connection.logger)).metadata.rows ?? 0
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) async throws -> [SQLRow] {
        let result = try await reply(connection.query(query(sql, arguments.map(\.sqlValue)), logger: connection.logger))
        guard let first = result.rows.first else { return [] }
        let columns = SQLColumns(first.map(\.columnName))
        return try result.rows.map { SQLRow(columns: columns, values: try $0.map(Self.value)) }
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) async throws -> Void) async throws {
        var columns: SQLColumns?
        try await batches(sql, arguments, take: { row in (row.map(\.columnName), try row.map(Self.value)) }) { names, values in
            let known = columns ?? SQLColumns(names)
            columns = known
            try await body(SQLRow(columns: known, values: values))
        }
    }

    func forEachBlob(_ sql: String, _ arguments: [any SQLBindable], _ body: (UnsafeRawBufferPointer) -> Void) async throws {
        try await batches(sql, arguments, take: { row in row.first?.bytes.map { Array($0.readableBytesView) } ?? [] }) { bytes in
            bytes.withUnsafeBytes(body)
        }
    }

    /// Runs a query through a cursor, a few thousand rows at a time (fewer when they are large: a
    /// batch holds about `SQLValue.batchBytes`), so that a result of millions of rows, or of a
    /// gigabyte of documents, never sits in memory whole. `take` copies what is needed of each row as
    /// it arrives, on the driver's thread: a row kept as the driver gives it keeps the whole
    /// network buffer it came in, which made a batch cost some 20 KiB a row.
    private func batches<Item: Sendable>(_ sql: String, _ arguments: [any SQLBindable],
                                         take: @escaping @Sendable (PostgresRow) throws -> Item,
                                         _ body: (Item) async throws -> Void) async throws {
        cursors += 1
        let cursor = "s11_rows_\(cursors)"
        // The first batch is small, in case the rows are large; the next hold about batchBytes.
        var batch = 32
        // DECLARE goes out with the first FETCH, and CLOSE with the next statement; a short batch
        // is the last, so a small result costs one wait, as a plain query does.
        pending.append(connection.query(query("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", arguments.map(\.sqlValue)),
                                        logger: connection.logger))
        while true {
            let taken = NIOLockedValueBox<(items: [Item], bytes: Int)>(([], 0))
            _ = try await reply(connection.query(PostgresQuery(unsafeSQL: "FETCH FORWARD \(batch) FROM \(cursor)"), logger: connection.logger) { row in
                let item = try take(row)
                let bytes = row.reduce(0) { $0 + ($1.bytes?.readableBytes ?? 0) }
                taken.withLockedValue { $0.items.append(item); $0.bytes += bytes }
            })
            let (items, bytes) = taken.withLockedValue { $0 }
            for item in items { try await body(item) }
            if items.count < batch {
                send("CLOSE \(cursor)")
                return
            }
            batch = max(1, min(5_000, SQLValue.batchBytes / max(1, bytes / items.count)))
        }
    }

    /// Many rows go through COPY (`copyRows`); a few, as one multi-row INSERT.
    func insertRows(into table: String, columns: [String], _ rows: [[SQLValue]]) async throws {
        if rows.count >= Self.copyFromRows { return try await copyRows(into: table, columns: columns, rows) }
        let perStatement = max(1, min(1_000, Self.maximumParameters / max(columns.count, 1)))
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + perStatement, rows.endIndex)
            let chunk = rows[start..<end]
            var number = 0
            let tuples = chunk.map { row in
                "(" + row.map { _ in number += 1; return "$\(number)" }.joined(separator: ", ") + ")"
            }
            var bindings = PostgresBindings(capacity: chunk.count * columns.count)
            for row in chunk { for value in row { Self.bind(value, to: &bindings) } }
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
            // Not waited for here: the statement after it (at the latest the COMMIT) waits for it
            // first, and reports its failure; a few are let run ahead, no more.
            pending.append(connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: connection.logger))
            if pending.count >= 8 { try await settle() }
            start = end
        }
    }

    /// Rows given one at a time stream through COPY.
    func insertRows(into table: String, columns: [String], next: (inout [SQLBorrowedValue]) throws -> Bool) async throws {
        try await copyRows(into: table, columns: columns, next: next)
    }

    // MARK: Translation

    private func query(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { Self.bind(value, to: &bindings) }
        return PostgresQuery(unsafeSQL: Self.numberedParameters(sql), binds: bindings)
    }

    /// `?` outside quotes become `$1`, `$2`… in order.
    static func numberedParameters(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func bind(_ value: SQLValue, to bindings: inout PostgresBindings) {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let integer): bindings.append(integer)
        case .real(let real): bindings.append(real)
        case .text(let text): bindings.append(text)
        case .blob(let data): bindings.append(ByteBuffer(bytes: data))
        }
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard var bytes = cell.bytes else { return .null }
        switch cell.dataType {
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bytea: return .blob(Data(bytes.readBytes(length: bytes.readableBytes) ?? []))
        case .text, .varchar, .name, .bpchar, .unknown: return .text(try cell.decode(String.self))
        default: throw StoreFailure("PostgreSQL returned column \(cell.columnName) as type \(cell.dataType), which s11 does not read")
        }
    }

    // MARK: Waiting and errors

    /// Waits for the statements sent before, then for this reply.
    private func reply<T: Sendable>(_ future: EventLoopFuture<T>) async throws -> T {
        try await settle()
        return try await wait(future)
    }

    func settle() async throws {
        let sent = pending
        pending = []
        for statement in sent { _ = try await wait(statement) }
    }

    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) async throws -> T {
        do {
            return try await future.get()
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    /// A driver error in words: the server's message (with its detail) or the connection's failure.
    static func storeError(_ error: any Error, location: PostgresLocation) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError("PostgreSQL at \(location.redacted): \(describe(error))")
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return [message, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: ": ")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
