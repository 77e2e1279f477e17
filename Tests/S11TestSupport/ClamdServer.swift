import Foundation

/// ClamAV's daemon on a local socket for the document tests, with a signature file the test
/// writes itself (signature downloads are not reachable here): EICAR's test file by its MD5, named
/// "Eicar-Test-Signature".
public final class ClamdServer: @unchecked Sendable {
    let process = Process()
    let folder: URL
    /// The path of its socket, for `ClamdScanner`.
    public let socketPath: String

    /// EICAR's anti-virus test file, which every scanner names and nothing else is: 68 bytes.
    public static let eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

    /// Starts clamd and waits until its socket answers.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-clamd-\(UUID().uuidString)")
        let database = folder.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        try "44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n".write(to: database.appendingPathComponent("s11-test.hdb"),
                                                                               atomically: true, encoding: .utf8)
        socketPath = folder.appendingPathComponent("clamd.sock").path
        let config = folder.appendingPathComponent("clamd.conf")
        try """
            LocalSocket \(socketPath)
            DatabaseDirectory \(database.path)
            TemporaryDirectory \(folder.path)
            Foreground yes
            LogFile \(folder.appendingPathComponent("clamd.log").path)
            StreamMaxLength 30M
            """.write(to: config, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["clamd", "--config-file=\(config.path)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: socketPath) {
            guard process.isRunning, Date() < deadline else {
                let log = (try? String(contentsOf: folder.appendingPathComponent("clamd.log"), encoding: .utf8)) ?? ""
                stop()
                throw TestServerFailure(description: "clamd did not start within a minute: \(log.suffix(2_000))")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    public func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
