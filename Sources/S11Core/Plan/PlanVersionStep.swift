/// The version a plan moves to when a new one is signed off: a minor step (0.1 to 0.2, 1.0 to
/// 1.1) or a major one (0.3 to 1.0, 1.2 to 2.0), from the version it has now.
public struct PlanVersionStep: Sendable, Equatable {
    /// The version the plan has now ("0.0" when it has none).
    public let current: String
    /// The next minor version.
    public let minor: String
    /// The next major version.
    public let major: String
    /// Whether the plan has been agreed (a version 1.0 or later).
    public let agreed: Bool

    /// The steps from `version` (a plan with no version counts as 0.0).
    public init(from version: String?) {
        let parts = (version ?? "0.0").split(separator: ".").map { Int($0) ?? 0 }
        let (majorNumber, minorNumber) = (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
        current = "\(majorNumber).\(minorNumber)"
        minor = "\(majorNumber).\(minorNumber + 1)"
        major = "\(majorNumber + 1).0"
        agreed = majorNumber >= 1
    }
}
