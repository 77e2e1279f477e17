import Foundation
import S11App
import S11Core
import S11Store
import S11XML

/// Each audit's pinned content, parsed and checked once: an audit's content never changes once it
/// is opened, and parsing it on every request capped the staff survey at a few hundred answers a
/// second. Audit ids are never reused (they are AUTOINCREMENT), so a cached entry cannot go stale.
final class PinnedContentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [Int64: AuditContent] = [:]

    /// The audit's content, from the cache or parsed from the store.
    func content(of audit: AuditRecord, store: AuditStore) async throws -> AuditContent {
        if let cached = lock.withLock({ contents[audit.id] }) { return cached }
        let content = try await AuditScoring(store: store, audit: audit).content
        lock.withLock { contents[audit.id] = content }
        return content
    }
}
