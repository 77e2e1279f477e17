import Foundation

/// Slows down whoever keeps trying links that do not exist: after a few misses from one address in
/// ten minutes, each further miss waits a little longer (up to 5 seconds). Kept in memory only.
actor LinkGuessing {
    private var misses: [String: [Date]] = [:]
    static let window: TimeInterval = 600
    static let free = 5

    /// Records a miss from `address` and returns how long to wait before answering.
    func miss(from address: String) -> Duration {
        let now = Date()
        var recent = (misses[address] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        recent.append(now)
        misses[address] = recent
        if misses.count > 10_000 { misses = misses.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < Self.window } }
        let over = recent.count - Self.free
        return over > 0 ? .milliseconds(min(over * 500, 5_000)) : .zero
    }
}
