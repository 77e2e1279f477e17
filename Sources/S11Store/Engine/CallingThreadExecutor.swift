import Foundation

/// Runs asynchronous work to its end on the thread that asks for it. SQLite's connection may be
/// used only on the thread GRDB lends it on, inside GRDB's closure; the store's transactions are
/// asynchronous (so that PostgreSQL's can wait for the server without holding a thread), and on
/// SQLite they never wait for anything: here they run inside GRDB's closure, on its thread, and
/// whatever they await elsewhere comes back to this thread. Work running elsewhere (another
/// store's transaction, nested in this one) comes back to it with `onThisThread`.
///
/// Why it is written by hand: GRDB's transactions take synchronous closures, and no library runs
/// async work on a thread it does not own; Swift's `TaskExecutor` is the hook for that, and this
/// is the smallest executor over it: the calling thread takes the work's jobs from a queue, under
/// a condition, until the work ends. It is the one place in s11 that waits on a condition, and it
/// does so on GRDB's own thread, never on one of Swift's. `CallingThreadExecutorTests` checks
/// that every job runs on the calling thread, that values and errors come back, and that work
/// begun elsewhere is brought back to it.
final class CallingThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false
    private let thread = pthread_self()

    private init() {}

    /// Runs `work` on this executor's thread: at once when already there, else by hopping to it
    /// (its thread waits for work until the transaction ends).
    func onThisThread<T>(_ work: () throws -> T) async throws -> T {
        if pthread_equal(pthread_self(), thread) != 0 { return try work() }
        return try await withTaskExecutorPreference(self) { try work() }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock { jobs.append(job) }
        condition.signal()
    }

    /// Runs `work` on this thread and returns what it returns, or throws what it throws.
    static func run<T>(_ work: (CallingThreadExecutor) async throws -> T) throws -> T {
        let executor = CallingThreadExecutor()
        return try withoutActuallyEscaping(work) { work in
            let work = UncheckedBox(work)
            let outcome = UncheckedBox<Result<T, any Error>?>(nil)
            Task(executorPreference: executor) {
                do {
                    outcome.value = .success(try await work.value(executor))
                } catch {
                    outcome.value = .failure(error)
                }
                executor.condition.withLock { executor.finished = true }
            }
            executor.runJobs()
            return try outcome.value!.get()
        }
    }

    /// Runs the work's jobs as they come, until it has finished.
    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// A value handed between threads where the code guarantees that only one uses it at a time.
final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
