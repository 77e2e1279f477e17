/// A refusal worded for the person who asked (at the command line or on a page): what is wrong
/// and what to do. The adapters show `message` as it is; any other error is a failure they
/// report without its inside.
public protocol UserFacingError: Error, Sendable {
    var message: String { get }
}
