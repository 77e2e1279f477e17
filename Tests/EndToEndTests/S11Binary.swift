import Foundation
import S11TestSupport
import Testing

/// Runs the built `s11` binary the way a user does, in a folder of the test's choosing.
struct S11Binary: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (what `swift build` made).
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("s11")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/s11")
    }()

    let folder: URL
    /// The test's store: a schema of its own on the test server when the suite runs on
    /// PostgreSQL, which commands without --db find through S11_DATABASE_URL; else s11.sqlite
    /// in the folder, as a user's first run makes.
    let db: String

    /// A fresh working folder with its own database.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path)
    }

    /// The SQLite file in the folder, for what only SQLite has (its file, its backups).
    var sqliteFile: String { folder.appendingPathComponent("s11.sqlite").path }

    /// `s11 example --out ex`, and the store to work on: the example's own file, or, when the
    /// suite runs on PostgreSQL, the test's store on the server, which the example is moved into.
    func example() async throws -> (output: Result, store: String) {
        let example = try await succeed(["example", "--out", "ex", "--content", S11Binary.content])
        guard TestDatabase.onPostgres else { return (example, "ex/s11.sqlite") }
        try await succeed(["migrate-store", "--from", "ex/s11.sqlite", "--to", db])
        return (example, db)
    }

    /// Runs a query on the test's store (or `store`, a file relative to the folder or the test's
    /// server store) outside s11 (Python's sqlite3, or psql); a line per row, columns separated by |.
    func query(_ sql: String, in store: String? = nil) async throws -> [String] {
        let out: (status: Int32, output: String)
        if let (url, schema) = postgresParts(store ?? db) {
            out = try await runTool("/usr/bin/env", ["psql", url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                              "-c", "SET search_path TO \(schema)", "-c", sql])
        } else {
            out = try await runTool("/usr/bin/env", ["python3", "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                for row in db.execute(sys.argv[2]): print('|'.join(str(v) for v in row))
                db.commit()
                """, file(store ?? db), sql])
        }
        guard out.status == 0 else { throw S11BinaryError("query failed: \(out.output)") }
        return out.output.split(separator: "\n").map(String.init)
    }

    /// A table's columns in order, lower-cased.
    func columns(of table: String, in store: String? = nil) async throws -> [String] {
        let sql = postgresParts(store ?? db) != nil
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '\(table.lowercased())' ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info('\(table)')"
        return try await query(sql, in: store).map { $0.lowercased() }
    }

    /// Every text value stored anywhere in the store, with the tables' names.
    func storedText(in store: String? = nil) async throws -> String {
        if let (url, schema) = postgresParts(store ?? db) {
            return try await runTool("/usr/bin/env", ["pg_dump", "--data-only", "--schema", schema, url]).output
        }
        return try await runTool("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                for row in db.execute(f'SELECT * FROM "{table}"'):
                    print(table, *[v for v in row if isinstance(v, str)])
            """, file(store ?? db)]).output
    }

    /// An SQLite store's file: a path relative to the folder, or absolute.
    private func file(_ store: String) -> String {
        store.hasPrefix("/") ? store : folder.appendingPathComponent(store).path
    }

    /// A PostgreSQL store's URL as psql reads it, and its schema; nil for an SQLite file.
    private func postgresParts(_ store: String) -> (url: String, schema: String)? {
        guard store.hasPrefix("postgres"), var url = URLComponents(string: store) else { return nil }
        let items = url.queryItems ?? []
        guard let schema = items.first(where: { $0.name == "schema" })?.value else { return nil }
        url.queryItems = items.filter { $0.name == "sslmode" }
        return (url.string ?? store, schema)
    }

    /// `s11 ARGS` run in the test's folder, with `--content` pointing at the checkout where needed.
    /// It waits on a thread of its own (`offThePool`), holding none of Swift's cooperative threads.
    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) async throws -> Result {
        try await offThePool { try runNow(arguments, in: directory, input: input) }
    }

    private func runNow(_ arguments: [String], in directory: URL?, input: String?) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? folder
        var environment = ProcessInfo.processInfo.environment
        environment["S11_DATABASE_URL"] = TestDatabase.onPostgres ? db : nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let typed = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : typed    // never the test runner's own input
        try process.run()
        if let input {
            typed.fileHandleForWriting.write(Data(input.utf8))
            try typed.fileHandleForWriting.close()
        }
        // Both streams read at once: read one to its end first and a command that fills the other's
        // pipe waits for a reader that never comes.
        let errors = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a cycle step that must succeed, failing the test with its stderr otherwise.
    @discardableResult
    func succeed(_ arguments: [String]) async throws -> Result {
        let result = try await run(arguments)
        guard result.status == 0 else {
            throw StepFailed(description: "s11 \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result
    }

    func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static var content: String { packageRoot.path }
    static func example(_ path: String) -> String { packageRoot.appendingPathComponent("Examples/\(path)").path }
    static var exampleReturns: [String] {
        let folder = packageRoot.appendingPathComponent("Examples/returns")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0).path }
    }
}

struct StepFailed: Error, CustomStringConvertible {
    var description: String
}

/// True when the machine has Python's xmlschema (CI installs it; required there).
let hasXMLSchema: Bool = {
    if ProcessInfo.processInfo.environment["CI"] != nil { return true }
    return (try? runToolNow("/usr/bin/env", ["python3", "-c", "import xmlschema"]).status) == 0
}()

/// Checks `path` against a shipped schema with validators s11 did not write: Python's
/// xmlschema (required under CI) and xmllint when installed.
func expectValid(_ path: String, schema: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let xsd = S11Binary.packageRoot.appendingPathComponent("Sources/S11XML/Schemas/\(schema)").path
    if hasXMLSchema {
        let check = try await runTool("/usr/bin/env", ["python3", "-c",
            "import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2]); print('valid')", xsd, path])
        #expect(check.status == 0, "\(check.output)", sourceLocation: sourceLocation)
    }
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
        let check = try await runTool("/usr/bin/xmllint", ["--noout", "--schema", xsd, path])
        #expect(check.status == 0, "\(check.output)", sourceLocation: sourceLocation)
    }
}

/// A step of a test that could not run.
struct S11BinaryError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
