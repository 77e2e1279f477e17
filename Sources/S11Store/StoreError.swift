import S11Core
/// A refusal from the store, worded for the person at the command line.
public struct StoreError: UserFacingError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
