import Foundation
import S11Core

/// What a board keeps of its own about a return it reads through a crosswalk (a return to another
/// board's catalogue): its moderations and its plan, in its own catalogue's terms. The
/// organisation's own board's are untouched.
public struct ReadingStore: StoreArea {
    let store: AuditStore

    /// The reading board's own moderated rating of a requirement or standard of its catalogue, for
    /// a return it reads through a crosswalk; replaces its earlier one. The organisation's own
    /// board's moderations are untouched. Refused for an audit the round does not read so.
    public func moderate(roundID: Int64, auditID: Int64, _ moderation: Moderation) async throws {
        try await engine.write(locking: .round(roundID)) { db in
            try await Self.refuseUnlessRead(roundID: roundID, auditID: auditID, db: db)
            let key: [any SQLBindable] = [roundID, auditID, moderation.scope.kind, moderation.scope.id]
            try await db.execute("DELETE FROM readingModeration WHERE roundID = ? AND auditID = ? AND kind = ? AND scopeID = ?", key)
            try await db.execute("""
                INSERT INTO readingModeration (roundID, auditID, kind, scopeID, rag, option, reason, byName, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, key + [moderation.rag.rawValue, moderation.option, moderation.reason, moderation.by, moderation.at])
        }
    }

    /// The round's own moderations of the returns it reads through crosswalks, by audit.
    public func moderations(roundID: Int64) async throws -> [Int64: [Moderation]] {
        try await engine.read { db in
            var found: [Int64: [Moderation]] = [:]
            for row in try await db.fetchAll(ReadingModerationRow.self, "SELECT * FROM readingModeration WHERE roundID = ? ORDER BY auditID, kind, scopeID",
                                             [roundID]) {
                found[row.auditID, default: []].append(row.moderation)
            }
            return found
        }
    }

    /// Keeps the plan the reading board drafted in its own terms for a return it reads, replacing
    /// an earlier one; the organisation's own plan is another.
    public func savePlan(_ plan: Plan, roundID: Int64, auditID: Int64) async throws {
        let body = try JSONEncoder.sorted.encode(plan)
        try await engine.write(locking: .round(roundID)) { db in
            try await Self.refuseUnlessRead(roundID: roundID, auditID: auditID, db: db)
            try await db.execute("DELETE FROM readingPlan WHERE roundID = ? AND auditID = ?", [roundID, auditID])
            try await db.execute("INSERT INTO readingPlan (roundID, auditID, body, updatedAt) VALUES (?, ?, ?, ?)", [roundID, auditID, body, Self.now()])
        }
    }

    /// The reading board's plan for a return it reads, if drafted.
    public func plan(roundID: Int64, auditID: Int64) async throws -> Plan? {
        try await engine.read { db in
            guard let body = try await db.fetchValue(Data.self, "SELECT body FROM readingPlan WHERE roundID = ? AND auditID = ?",
                                                     [roundID, auditID], table: "readingPlan") else { return nil }
            return try JSONDecoder().decode(Plan.self, from: body)
        }
    }

    /// Refuses, inside the writing transaction, an audit the round does not read through a crosswalk.
    private static func refuseUnlessRead(roundID: Int64, auditID: Int64, db: any SQLConnection) async throws {
        guard try await db.fetchOne("SELECT 1 FROM roundReading WHERE roundID = ? AND auditID = ?", [roundID, auditID]) != nil else {
            throw StoreError("this round does not read that organisation through a crosswalk")
        }
    }
}
