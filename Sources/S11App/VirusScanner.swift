import Foundation

/// A virus scanner that reads each evidence document before s11 keeps it (`ClamdScanner` runs
/// ClamAV's daemon). Injected through `AppSettings.scanner`.
public protocol VirusScanner: Sendable {
    /// What the scanner made of the file: nil when it found nothing, or the name it gave what it
    /// found ("Eicar-Test-Signature"). Throws when it could not scan the file.
    func scan(_ file: URL) async throws -> String?

    /// The scanner, in words, for `s11 serve` to say at start.
    var words: String { get }
}
