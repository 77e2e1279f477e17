import Foundation

/// One area of the store (its audits, its officers, its rounds ...), reached from the shared
/// `AuditStore` (`store.officers`): every area writes through the store's one engine, so a change
/// that touches several areas' tables is still one transaction.
protocol StoreArea: Sendable {
    var store: AuditStore { get }
}

extension StoreArea {
    var engine: any DatabaseEngine { store.engine }

    /// The time a change is stamped with.
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// "?, ?, ..." for `count` arguments of an IN list ("NULL" for none, which matches nothing).
    static func placeholders(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
