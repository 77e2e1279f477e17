/// A form posted after its session ended, kept for its account to send once signed in again:
/// where it was posted and its body, as the browser encoded it.
public struct KeptForm: Sendable, Hashable {
    public var path: String
    public var body: String

    public init(path: String, body: String) {
        self.path = path
        self.body = body
    }
}
