import Foundation
@testable import S11Store
import Testing

/// The bridge that runs a store transaction's async work on GRDB's thread: every job of the work
/// runs on the thread that called, whatever the work awaits, and its value or error comes back.
@Suite struct CallingThreadExecutorTests {
    /// Something to await that runs elsewhere first.
    actor Elsewhere {
        func value(_ number: Int) -> Int { number * 2 }
    }

    @Test func everyJobRunsOnTheCallingThreadAndItsValueComesBack() async throws {
        let elsewhere = Elsewhere()
        let result = try await Task.detached {
            let caller = pthread_self()
            return try CallingThreadExecutor.run { executor in
                var onCaller = pthread_equal(pthread_self(), caller) != 0
                var total = 0
                for number in 1...50 {
                    total += await elsewhere.value(number)           // hops to the actor and back
                    await Task.yield()
                    onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
                }
                // Work that began on another thread is brought back to this one.
                let backHere = try await Task.detached {
                    try await executor.onThisThread { pthread_equal(pthread_self(), caller) != 0 }
                }.value
                return (total, onCaller, backHere)
            }
        }.value
        #expect(result.0 == 2_550)
        #expect(result.1, "a job of the work ran on another thread")
        #expect(result.2, "work from elsewhere was not brought back to the calling thread")
    }

    struct Refused: Error {}

    @Test func anErrorOfTheWorkIsThrownToTheCaller() async throws {
        await #expect(throws: Refused.self) {
            try await Task.detached {
                try CallingThreadExecutor.run { _ in
                    await Task.yield()
                    throw Refused()
                }
            }.value
        }
    }
}
