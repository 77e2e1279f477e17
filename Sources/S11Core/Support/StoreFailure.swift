/// The store could not do what was asked for a reason of its own: a column it cannot read, a value
/// that is not what it keeps there, the database's own error. Not a refusal the person asking can
/// act on: a page shows its general error (and nothing of the inside), the command line prints
/// what the store said, and whoever keeps the store restores it or mends it.
public struct StoreFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
