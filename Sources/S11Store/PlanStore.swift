import Foundation
import S11Core

/// Organisations' plans, one per organisation and audit year, kept as JSON with sorted keys.
public struct PlanStore: StoreArea {
    let store: AuditStore

    /// Stores an organisation's plan for an audit year; refuses to overwrite one unless `replace`.
    public func save(_ plan: Plan, replace: Bool) async throws {
        let body = try JSONEncoder.sorted.encode(plan)
        try await engine.write { db in
            let exists = try await db.fetchOne("SELECT 1 FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                          [plan.organisation, plan.auditYear]) != nil
            if exists && !replace {
                throw StoreError("a plan for \(plan.organisation) \(plan.auditYear) is already stored; add --replace to overwrite it")
            }
            try await db.execute("DELETE FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                           [plan.organisation, plan.auditYear])
            try await db.execute("INSERT INTO plan (organisation, year, body, updatedAt) VALUES (?, ?, ?, ?)",
                           [plan.organisation, plan.auditYear, body, Self.now()])
        }
    }

    /// Changes a stored plan in one transaction, so two people updating at once lose nothing.
    public func update(organisation: String, year: Int, _ change: (Plan) throws -> Plan) async throws -> Plan {
        try await engine.write { db in
            guard let body = try await db.fetchValue(Data.self, "SELECT body FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                                     [organisation, year], table: "plan") else {
                throw StoreError("no plan for \(organisation) \(year)")
            }
            let before = try JSONDecoder().decode(Plan.self, from: body)
            let plan = try change(before)
            try await db.execute("UPDATE plan SET body = ?, updatedAt = ? WHERE organisation = ? COLLATE NOCASE AND year = ?",
                           [try JSONEncoder.sorted.encode(plan), Self.now(), organisation, year])
            if let auditID = try await db.fetchValue(Int64.self, "SELECT id FROM audit WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                                     [organisation, year], table: "audit") {
                try await TrailStore.record(TrailEntry.planChanges(from: before, to: plan), auditID: auditID, db: db)
            }
            return plan
        }
    }

    /// The organisation and audit year of every stored plan, newest first.
    public func stored() async throws -> [(organisation: String, year: Int)] {
        try await engine.read { db in
            try await db.fetchAll(PlanRow.self, "SELECT organisation, year FROM plan ORDER BY year DESC, organisation")
                .map { (organisation: $0.organisation, year: $0.year) }
        }
    }

    /// The stored plan named by organisation and/or year; with neither, the only plan there is.
    /// Plans need no open audit: one imported from a board XML file stands on its own.
    public func named(organisation: String?, year: Int?) async throws -> Plan {
        let chosen = try await OrganisationYearChoice.one(of: try stored(), organisation: organisation, year: year,
                                                          key: { ($0.organisation, $0.year) }, what: "plan",
                                                          none: "no plan is stored yet; draft one with 's11 plan draft' or import one with 's11 plan import FILE'")
        guard let plan = try await find(organisation: chosen.organisation, year: chosen.year) else {
            throw StoreError("the plan for \(chosen.organisation) \(chosen.year) was removed while reading it; try again")
        }
        return plan
    }

    /// The plan stored for an organisation's audit year, if any.
    public func find(organisation: String, year: Int) async throws -> Plan? {
        try await engine.read { db in
            guard let body = try await db.fetchValue(Data.self, "SELECT body FROM plan WHERE organisation = ? COLLATE NOCASE AND year = ?",
                                                     [organisation, year], table: "plan") else { return nil }
            return try JSONDecoder().decode(Plan.self, from: body)
        }
    }
}
