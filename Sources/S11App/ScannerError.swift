import S11Core

/// The virus scanner could not say whether a file is safe (unreachable, too slow, an answer it
/// does not give); the file is then refused, not kept unscanned.
public struct ScannerError: UserFacingError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
