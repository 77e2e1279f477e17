import Dispatch
import Foundation
import S11App

/// Where passwords are checked: bcrypt is slow on purpose, so it runs on threads of its own, at
/// most `limit` at once and `queueLimit` waiting, never on the threads that serve pages. A flood
/// of sign-ins then waits here or is turned away, and the officers' and staff pages keep their
/// pace. An unknown e-mail address is checked against a dummy hash of the same cost, so it takes
/// as long as a wrong password.
final class PasswordChecks: @unchecked Sendable {
    private let gate: Gate
    private let queue = DispatchQueue(label: "s11-passwords", attributes: .concurrent)
    private let lock = NSLock()
    private var run = 0

    /// How many passwords have been checked.
    var checksRun: Int { lock.withLock { run } }

    /// One less than the cores, at least one: a core is left for the pages.
    init(limit: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), queueLimit: Int = 16) {
        gate = Gate(limit: limit, queueLimit: queueLimit)
    }

    /// A hash of the cost `s11 admin create` uses, for addresses with no account.
    static let dummyHash = CoordinatorPassword.hash("no account has this password \(UUID().uuidString)")

    /// Whether `password` matches `hash` (nil: no such account, which never matches but costs
    /// the same); nil when too many checks are running and waiting already.
    func verify(_ password: String, hash: String?) async -> Bool? {
        await run {
            self.lock.withLock { self.run += 1 }
            return CoordinatorPassword.verify(password, hash: hash ?? Self.dummyHash) && hash != nil
        }
    }

    /// Runs `work` off the serving threads within the limit; nil when the queue is full.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        guard await gate.enter() else { return nil }
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
        await gate.leave()
        return result
    }

    /// At most `limit` inside, `queueLimit` waiting in turn.
    actor Gate {
        let limit: Int
        let queueLimit: Int
        private var inside = 0
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(limit: Int, queueLimit: Int) {
            self.limit = limit
            self.queueLimit = queueLimit
        }

        /// Waits for a place; false at once when the queue is full.
        func enter() async -> Bool {
            if inside < limit {
                inside += 1
                return true
            }
            guard waiting.count < queueLimit else { return false }
            await withCheckedContinuation { waiting.append($0) }      // `leave` hands its place over
            return true
        }

        func leave() {
            if waiting.isEmpty { inside -= 1 } else { waiting.removeFirst().resume() }
        }
    }
}
