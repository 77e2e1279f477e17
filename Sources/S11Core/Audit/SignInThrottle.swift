import Foundation

/// How many wrong passwords an account and an address may send before they must wait, and how
/// long: the first few are free, then each failure doubles the wait (up to a cap), and after
/// `lockAfter` failures in a row the account is locked until its password is set again
/// (`s11 admin create`). Decided from the failures the store keeps, so every server sharing the
/// store enforces one limit.
public struct SignInThrottle: Sendable {
    /// Failures in a row an account or address may have without waiting.
    public var free = 5
    /// Failures in a row after which the account is locked.
    public var lockAfter = 20
    /// The wait after the first failure past the free ones; each further failure doubles it.
    public var firstWait: TimeInterval = 1
    /// The longest wait.
    public var longestWait: TimeInterval = 15 * 60
    /// How far back an address's failures count.
    public var addressWindow: TimeInterval = 15 * 60

    public init(firstWait: TimeInterval = 1) { self.firstWait = firstWait }

    /// What an attempt meets.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Try again at this moment.
        case wait(until: Date)
        /// Locked until the password is set again.
        case locked
    }

    /// The decision for an attempt at `now`, given the account's failures since its last success
    /// or new password and the address's failures within `addressWindow`, each with the time of
    /// the latest.
    public func decision(accountFailures: Int, lastAccountFailure: Date?, addressFailures: Int, lastAddressFailure: Date?,
                         now: Date) -> Decision {
        if accountFailures >= lockAfter { return .locked }
        var until: Date?
        for (count, last) in [(accountFailures, lastAccountFailure), (addressFailures, lastAddressFailure)] {
            guard count >= free, let last else { continue }
            let wait = min(longestWait, firstWait * pow(2, Double(count - free)))
            let end = last.addingTimeInterval(wait)
            if end > now { until = max(until ?? end, end) }
        }
        return until.map { .wait(until: $0) } ?? .allowed
    }
}
