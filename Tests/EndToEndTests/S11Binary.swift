import Foundation
import S11TestSupport
import Testing

/// Runs the built `s11` binary the way a user does, in a folder of the test's choosing.
struct S11Binary {
    struct Result {
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

    /// A fresh working folder with its own database.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var db: String { folder.appendingPathComponent("s11.sqlite").path }

    /// `s11 ARGS` run in the test's folder, with `--content` pointing at the checkout where needed.
    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let typed = Pipe()
        if input != nil { process.standardInput = typed }
        try process.run()
        if let input {
            typed.fileHandleForWriting.write(Data(input.utf8))
            try typed.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a cycle step that must succeed, failing the test with its stderr otherwise.
    @discardableResult
    func succeed(_ arguments: [String]) throws -> Result {
        let result = try run(arguments)
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
    return (try? runTool("/usr/bin/env", ["python3", "-c", "import xmlschema"]).status) == 0
}()

/// Checks `path` against a shipped schema with validators s11 did not write: Python's
/// xmlschema (required under CI) and xmllint when installed.
func expectValid(_ path: String, schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let xsd = S11Binary.packageRoot.appendingPathComponent("Sources/S11XML/Schemas/\(schema)").path
    if hasXMLSchema {
        let check = try runTool("/usr/bin/env", ["python3", "-c",
            "import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2]); print('valid')", xsd, path])
        #expect(check.status == 0, "\(check.output)", sourceLocation: sourceLocation)
    }
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
        let check = try runTool("/usr/bin/xmllint", ["--noout", "--schema", xsd, path])
        #expect(check.status == 0, "\(check.output)", sourceLocation: sourceLocation)
    }
}
