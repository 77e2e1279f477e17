import Foundation
import S11App
import S11Core
import S11Store

extension AuditSession {
    /// Opens the store and the audit the selection names.
    init(db: String, selection: AuditSelection) async throws {
        let store = try await AuditStore(database: db)
        try await self.init(store: store, audit: store.audit(organisation: selection.org, year: selection.year))
    }

    /// Opens the store and the audit the selection names, its staff answers counted meanwhile.
    static func openCounting(db: String, selection: AuditSelection) async throws -> (session: AuditSession, counted: StaffCodeCounts) {
        let store = try await AuditStore(database: db)
        return try await openCounting(store: store, audit: store.audit(organisation: selection.org, year: selection.year))
    }
}
