import Foundation
import S11Core

/// Batches of answer sets handed from the reading thread to the database, at most four waiting.
final class BatchChannel: @unchecked Sendable {
    /// Answer sets read from the `file`th file of the import.
    struct Batch: Sendable {
        var file: Int
        var block: StaffAnswerBlock
    }

    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var result: Result<AuditStore.ReadOutcome, any Error>?
    private var closed = false
    private static let capacity = 4

    /// Waits for room; false when the receiver has gone.
    func send(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.capacity && !closed { condition.wait() }
        guard !closed else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// The reader has finished, well or not.
    func finish(with outcome: Result<AuditStore.ReadOutcome, any Error>) {
        condition.lock()
        result = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the reader has finished and everything is taken.
    func receive() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && result == nil { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        condition.broadcast()
        return waiting.removeFirst()
    }

    /// How the reader finished; rethrows what stopped it.
    func outcome() throws -> AuditStore.ReadOutcome {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }

    /// The receiver stops: a waiting sender gives up, and `close` waits until the reader has ended.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while result == nil { condition.wait() }
        condition.unlock()
    }
}
