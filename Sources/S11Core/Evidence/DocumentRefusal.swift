/// Why a document was not attached, in words the officer can act on.
public struct DocumentRefusal: UserFacingError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
