/// Why a plan change was refused, in words the user can act on.
public struct PlanUpdateError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
