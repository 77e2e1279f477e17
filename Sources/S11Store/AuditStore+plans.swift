import Foundation
import GRDB
import S11Core

extension AuditStore {
    /// Stores an organisation's plan for an audit year; refuses to overwrite one unless `replace`.
    public func savePlan(_ plan: Plan, replace: Bool) throws {
        let body = try JSONEncoder.sorted.encode(plan)
        try writer.write { db in
            let exists = try Row.fetchOne(db, sql: "SELECT 1 FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                          arguments: [plan.organisation, plan.auditYear]) != nil
            if exists && !replace {
                throw StoreError("a plan for \(plan.organisation) \(plan.auditYear) is already stored; add --replace to overwrite it")
            }
            try db.execute(sql: "DELETE FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                           arguments: [plan.organisation, plan.auditYear])
            try db.execute(sql: "INSERT INTO plan (organisation, year, body, updatedAt) VALUES (?, ?, ?, ?)",
                           arguments: [plan.organisation, plan.auditYear, body, Self.now()])
        }
    }

    public func plan(organisation: String, year: Int) throws -> Plan? {
        try writer.read { db in
            guard let body = try Data.fetchOne(db, sql: "SELECT body FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                               arguments: [organisation, year]) else { return nil }
            return try JSONDecoder().decode(Plan.self, from: body)
        }
    }
}

extension JSONEncoder {
    /// Stable key order, so the same plan is always stored as the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
