/// Why a plan change was refused, in words the user can act on.
public struct PlanUpdateError: UserFacingError, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
    public var message: String { description }
}
