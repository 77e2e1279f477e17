import Foundation
import Hummingbird

/// Threads the web's handlers run on. The store's calls are synchronous: on SQLite they compute,
/// but on PostgreSQL they wait for the server, and a handler waiting on one of the few threads
/// Swift keeps for the whole process (one per core) would stall every other request. Here a
/// waiting handler holds one of `count` threads of its own, so that many wait at once.
final class StoreThreads: TaskExecutor, @unchecked Sendable {
    /// The process's: more than a store's connection pool (10 by default) keeps busy.
    static let shared = StoreThreads(count: 16)

    private let condition = NSCondition()
    private var queued: [UnownedJob] = []
    private var next = 0

    init(count: Int) {
        for index in 0..<count {
            let thread = Thread { self.work() }
            thread.name = "s11-store-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock { queued.append(job) }
        condition.signal()
    }

    private func work() {
        while true {
            condition.lock()
            while next == queued.count { condition.wait() }
            let job = queued[next]
            next += 1
            if next == queued.count { queued.removeAll(keepingCapacity: true); next = 0 }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs the rest of each request's handling on `StoreThreads`.
struct OnStoreThreads<Context: RequestContext>: RouterMiddleware {
    let threads: StoreThreads

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(threads) { try await next(request, context) }
    }
}
