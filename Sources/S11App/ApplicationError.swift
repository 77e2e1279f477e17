import S11Core

/// A use case refused, in words for whoever asked: the command line prints it as `error: ...`,
/// a page shows it.
public struct ApplicationError: UserFacingError {
    public var message: String
    public init(_ message: String) { self.message = message }
}
