import S11Core

/// A round's challenge events: each with its panel and the member organisations it tests.
public struct ChallengeEventStore: StoreArea {
    let store: AuditStore

    /// Schedules a challenge event in a round, with its panel and the member organisations (by
    /// their audits) it tests; an audit outside the round is refused.
    public func schedule(roundID: Int64, title: String, heldOn: CalendarDate, panel: [String], auditIDs: [Int64],
                         by: String) async throws -> ChallengeEvent {
        try await engine.write(locking: .round(roundID)) { db in
            let members = Set(try await db.fetchColumn(Int64.self, "SELECT auditID FROM roundMember WHERE roundID = ?", [roundID], table: "roundMember"))
            guard auditIDs.allSatisfy(members.contains) else { throw StoreError("an organisation chosen is not a member of this round") }
            let id = try await db.insert("""
                INSERT INTO challengeEvent (roundID, title, heldOn, panel, scheduledAt, scheduledBy) VALUES (?, ?, ?, ?, ?, ?)
                """, [roundID, title, heldOn.iso, panel.joined(separator: "; "), Self.now(), by])
            for auditID in Set(auditIDs).sorted() {
                try await db.execute("INSERT INTO challengeEventMember (eventID, auditID) VALUES (?, ?)", [id, auditID])
            }
            try await TrailStore.recordRound("challenge event", new: "\(title), on \(heldOn.spelledOut), panel \(panel.joined(separator: "; "))", by: by,
                                             auditIDs: Set(auditIDs).sorted(), db: db)
            guard let event = try await Self.find(id: id, db: db) else {
                throw StoreError("the challenge event just scheduled, '\(title)', cannot be read back; nothing was kept")
            }
            return event
        }
    }

    /// The round's challenge events, soonest first.
    public func all(roundID: Int64) async throws -> [ChallengeEvent] {
        try await engine.read { db in
            var events: [ChallengeEvent] = []
            for id in try await db.fetchColumn(Int64.self, "SELECT id FROM challengeEvent WHERE roundID = ? ORDER BY heldOn, id", [roundID],
                                               table: "challengeEvent") {
                if let event = try await Self.find(id: id, db: db) { events.append(event) }
            }
            return events
        }
    }

    /// The challenge event with this id.
    public func find(id: Int64) async throws -> ChallengeEvent? {
        try await engine.read { db in try await Self.find(id: id, db: db) }
    }

    private static func find(id: Int64, db: any SQLConnection) async throws -> ChallengeEvent? {
        guard let event = try await db.fetchOne(ChallengeEventRow.self, "SELECT * FROM challengeEvent WHERE id = ?", [id]) else { return nil }
        let audits = try await db.fetchColumn(Int64.self, "SELECT auditID FROM challengeEventMember WHERE eventID = ? ORDER BY auditID", [id],
                                              table: "challengeEventMember")
        return event.event(auditIDs: audits)
    }
}
