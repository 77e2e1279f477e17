/// A step in one officer's return, kept for the coordinator to read back: submitted (at the
/// officer's link or from a file), or reopened by a coordinator with their reason.
public struct ReturnEvent: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Submitted by the officer at their link.
        case submitted
        /// Stored from a return file, submitted or left in progress.
        case imported
        /// Opened again for changes by a coordinator.
        case reopened
    }

    public var kind: Kind
    /// When, as ISO 8601 to the millisecond, so that it orders against the messages of the same second.
    public var at: String
    /// Who: the officer, the coordinator, or the file's name.
    public var by: String
    /// The coordinator's reason for reopening; where a file left the return.
    public var note: String?

    public init(kind: Kind, at: String, by: String, note: String? = nil) {
        self.kind = kind
        self.at = at
        self.by = by
        self.note = note
    }
}
