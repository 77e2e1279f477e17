import Foundation
import S11Core
import S11Store
import S11XML
import Synchronization

/// Each audit's pinned content, parsed and checked once: an audit's content never changes once it
/// is opened, and parsing it on every request capped the staff survey at a few hundred answers a
/// second. Audit ids are never reused, so a kept entry cannot go stale. A `Mutex` rather than an
/// actor: every page of every request asks, and a lookup should not wait its turn behind others.
final class PinnedContents: Sendable {
    private let store: AuditStore
    private let contents = Mutex<[Int64: AuditContent]>([:])

    init(store: AuditStore) {
        self.store = store
    }

    /// The audit's content, kept or read back from the exact files it was opened with (two
    /// requests that miss together both read it; the same content is kept).
    func content(of audit: AuditRecord) async throws -> AuditContent {
        if let kept = contents.withLock({ $0[audit.id] }) { return kept }
        let content = try await Self.read(audit, from: store)
        contents.withLock { $0[audit.id] = content }
        return content
    }

    /// Reads back the exact files `audit` was opened with.
    static func read(_ audit: AuditRecord, from store: AuditStore) async throws -> AuditContent {
        try ContentLoader.auditContent(pinned: try await store.audits.pinnedFiles(auditID: audit.id).map { ($0.path, Data($0.data)) })
    }
}
