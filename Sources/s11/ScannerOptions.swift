import ArgumentParser
import Foundation
import S11Scan

/// `--clamd-socket PATH | --no-scan`: the virus scanner evidence documents go through before they
/// are kept, for the commands that take documents (`serve`, `responses import`).
struct ScannerOptions: ParsableArguments {
    @Option(help: "ClamAV's daemon's local socket, through which every evidence document is scanned before it is kept; default \(ScannerOptions.debianClamdSocket) when it is there.")
    var clamdSocket: String?
    @Flag(help: "Keep evidence documents without scanning them, on purpose, when there is no virus scanner. Without a scanner or this, no document is taken.")
    var noScan = false

    /// Where Debian's clamav-daemon listens.
    static let debianClamdSocket = "/var/run/clamav/clamd.ctl"

    /// The scanner to use: the socket given, else Debian's when it is there; none with `--no-scan`.
    /// Refused when both are given.
    func scanner() throws -> ClamdScanner? {
        guard clamdSocket == nil || !noScan else { throw CLIError("--clamd-socket and --no-scan say opposite things; give one") }
        if noScan { return nil }
        return (clamdSocket ?? (FileManager.default.fileExists(atPath: Self.debianClamdSocket) ? Self.debianClamdSocket : nil))
            .map { ClamdScanner(socketPath: $0) }
    }
}
