import Foundation
@testable import S11Store

/// A write holding `keys` open, from when it has its locks until `end()`: what a lock test holds
/// while it shows what waits for it and what does not.
struct HeldWrite {
    let task: Task<Void, any Error>
    let release: AsyncStream<Void>.Continuation

    init(_ store: AuditStore, _ keys: [WriteKey]) async {
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        task = Task {
            try await store.engine.write(locking: keys) { db in
                try await db.execute("SELECT 1")
                enter.yield()
                for await _ in released { break }
            }
        }
        self.release = release
        for await _ in entered { break }
    }

    /// Commits the held write.
    func end() async throws {
        release.yield()
        try await task.value
    }
}
