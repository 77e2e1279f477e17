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
        process.standardError = FileHandle.nullDevice
        port = try SMTPServer.start(process, input: input, script: "Tests/SignOn/oidc_provider.py", arguments: [],
                                    what: "the OpenID Connect provider")
    }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
