import Foundation
import Logging
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
    /// PostgreSQL takes at most 65,535 parameters in one statement.
    static let maximumParameters = 65_535

    init(connection: PostgresConnection, location: PostgresLocation) {
        self.connection = connection
        self.location = location
    }

    /// Sends a statement without waiting for its reply: the connection runs statements in order,
    /// and the next one waited for reports its failure.
    func send(_ sql: String) {
        pending.append(connection.query(PostgresQuery(unsafeSQL: sql), logger: connection.logger))
    }

    func excludeOtherWriters() throws {
        try execute("SELECT pg_advisory_xact_lock(5311, hashtext(current_schema()))", [])
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        try reply(connection.query(query(sql, arguments.map(\.sqlValue)), logger: connection.logger)).metadata.rows ?? 0
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        let result = try reply(connection.query(query(sql, arguments.map(\.sqlValue)), logger: connection.logger))
        guard let first = result.rows.first else { return [] }
        let columns = SQLColumns(first.map(\.columnName))
        return try result.rows.map { SQLRow(columns: columns, values: try $0.map(Self.value)) }
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
        var columns: SQLColumns?
        try stream(sql, arguments, take: { $0 }) { row in
            let names = columns ?? SQLColumns(row.map(\.columnName))
            columns = names
            try body(SQLRow(columns: names, values: try row.map(Self.value)))
        }
    }

    func forEachBlob(_ sql: String, _ arguments: [any SQLBindable], _ body: (UnsafeRawBufferPointer) -> Void) throws {
        try stream(sql, arguments, take: { $0.first?.bytes }) { bytes in
            if let bytes { bytes.withUnsafeReadableBytes(body) } else { body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        }
    }

    /// Runs a query whose rows the driver hands over on its own thread, taking what `take` keeps
    /// of each, and gives them to `body` here in order as they come.
    private func stream<Item: Sendable>(_ sql: String, _ arguments: [any SQLBindable], take: @escaping @Sendable (PostgresRow) -> Item,
                                        _ body: (Item) throws -> Void) throws {
        let items = ItemQueue<Item>()
        connection.query(query(sql, arguments.map(\.sqlValue)), logger: connection.logger) { items.push(take($0)) }
            .whenComplete { items.finish(with: $0.map { _ in () }) }
        try settle()
        while true {
            let item: Item?
            do {
                item = try items.pop()
            } catch {
                throw Self.storeError(error, location: location)
            }
            guard let item else { return }
            try body(item)
        }
    }

    func insertRows(into table: String, columns: [String], _ rows: [[SQLValue]]) throws {
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
            if pending.count >= 8 { try settle() }
            start = end
        }
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
        default: throw StoreError("PostgreSQL returned column \(cell.columnName) as type \(cell.dataType), which s11 does not read")
        }
    }

    // MARK: Waiting and errors

    /// Waits for the statements sent before, then for this reply.
    private func reply<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        try settle()
        return try wait(future)
    }

    private func settle() throws {
        let sent = pending
        pending = []
        for statement in sent { _ = try wait(statement) }
    }

    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        do {
            return try future.wait()
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

/// Items passed from the driver's thread to the waiting one.
private final class ItemQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var outcome: Result<Void, any Error>?

    func push(_ item: Item) {
        condition.withLock { items.append(item) }
        condition.signal()
    }

    func finish(with result: Result<Void, any Error>) {
        condition.withLock { outcome = result }
        condition.signal()
    }

    /// The next item, or nil at the end; the query's error once every item has been taken.
    func pop() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && outcome == nil { condition.wait() }
        if head < items.count {
            let item = items[head]
            head += 1
            if head >= 4096 && head * 2 >= items.count { items.removeFirst(head); head = 0 }
            return item
        }
        try outcome!.get()
        return nil
    }
}
