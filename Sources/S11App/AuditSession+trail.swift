import Foundation
import S11Core

/// The audit's trail of changes, read as the coordinator filters it.
extension AuditSession {
    /// The entries `filter` selects (its days in the council's time zone), oldest first.
    public func trail(_ filter: TrailFilter = TrailFilter()) async throws -> [TrailEntry] {
        let zone = settings.moments.timeZone
        return try await store.trail.entries(auditID: audit.id, officer: filter.officer, item: filter.item,
                                             from: filter.from?.start(in: zone), to: filter.to?.adding(days: 1).start(in: zone))
    }
}
