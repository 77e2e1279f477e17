import Foundation
import S11App
import S11Store

extension AuditSession {
    /// Opens the store and the audit the selection names.
    init(db: String, selection: AuditSelection) throws {
        let store = try AuditStore(database: db)
        try self.init(store: store, audit: store.audit(organisation: selection.org, year: selection.year))
    }
}
