import Foundation

/// A real OpenID Connect provider on loopback for the sign-in tests (Tests/SignOn/oidc_provider.py,
/// PyPI's oidc-provider-mock), which can be told to spoil its next ID token.
public final class OpenIDProvider: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    public let port: Int

    /// The issuer URL its tokens carry.
    public var issuer: String { "http://127.0.0.1:\(port)" }

    /// Starts the provider and waits until it listens.
    public init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-W", "ignore", SMTPServer.packageRoot.appendingPathComponent("Tests/SignOn/oidc_provider.py").path]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var said = ""
        while !said.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        guard let line = said.split(separator: "\n").first, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            throw TestServerFailure(description: "the OpenID Connect provider did not start: \(said)")
        }
        self.port = port
    }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
