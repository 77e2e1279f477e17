import Foundation

/// A real SMTP server on loopback for the mail tests (Tests/Mail/smtp_server.py, Python's
/// aiosmtpd), keeping what it receives in `folder`; msmtp hands s11's messages to it.
public final class SMTPServer: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    public let folder: URL
    public let port: Int

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts the server and waits until it listens.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.start(process, input: input, script: "Tests/Mail/smtp_server.py", arguments: [folder.path], what: "the SMTP server")
    }

    /// Runs a test server's Python `script` in `process`, its standard input from `input` (closing
    /// it stops the server), and waits for its first line, "PORT n": the port it listens on.
    static func start(_ process: Process, input: Pipe, script: String, arguments: [String], what: String) throws -> Int {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-W", "ignore", packageRoot.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var said = ""
        while !said.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        guard let line = said.split(separator: "\n").first, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            throw TestServerFailure(description: "\(what) did not start: \(said)")
        }
        return port
    }

    /// The received messages, parsed by Python's e-mail package.
    public func received() async throws -> [[String: String]] {
        let script = Self.packageRoot.appendingPathComponent("Tests/Mail/read_mail.py").path
        let run = try await runTool("/usr/bin/env", ["python3", script, folder.path])
        return try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: String]] ?? []
    }

    /// How many messages it has received, without reading them.
    public func count() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.count
    }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The msmtp command that relays to `port` on loopback, its settings written into `folder`
    /// readable by their owner only (msmtp insists).
    public static func msmtpCommand(port: Int, folder: URL) throws -> String {
        let path = folder.appendingPathComponent("msmtprc-\(port)").path
        try """
            defaults
            auth off
            tls off
            account default
            host 127.0.0.1
            port \(port)
            from safeguarding-audit@riverside.example
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return "msmtp -C \(path) -t"
    }
}

/// A test server (SMTP, OpenID Connect) could not be started.
struct TestServerFailure: Error, CustomStringConvertible {
    let description: String
}
