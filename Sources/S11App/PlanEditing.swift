import Foundation
import S11Core
import S11Store
import S11XML

/// Changing a stored plan after drafting: an action's wording, status, progress, lead or dates;
/// an objective's title and finding; actions added, removed and merged; objectives from other
/// sources than the audit; and signing off a version. Each change is kept with who, when, old and new, made in one
/// transaction, and refused when the board schema would not accept the result.
public struct PlanEditing: Sendable {
    let store: AuditStore
    public let organisation: String
    public let year: Int

    init(store: AuditStore, organisation: String, year: Int) {
        self.store = store
        self.organisation = organisation
        self.year = year
    }

    /// The plan as stored now; nil before one is drafted.
    public func plan() async throws -> Plan? {
        try await store.plans.find(organisation: organisation, year: year)
    }

    /// Changes one action; `PlanUpdateError` when the action is unknown or nothing changes.
    public func update(actionID: String, change: PlanUpdater.Change, by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.update($0, actionID: actionID, change: change) }
    }

    /// Raises the version (minor, or major when signed off) with why, who and the day.
    public func signOff(note: String, major: Bool, by: String, on day: CalendarDate, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.bumpVersion($0, note: note, on: day, major: major) }
    }

    /// Replaces the key influences the board's summary lists, one a line.
    public func setKeyInfluences(_ influences: [String], by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.setKeyInfluences($0, influences) }
    }

    /// Changes an objective's title or finding.
    public func editObjective(_ objectiveID: String, title: String?, finding: String?, by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.editObjective($0, objectiveID: objectiveID, title: title, finding: finding) }
    }

    /// Adds an action to an objective.
    public func addAction(to objectiveID: String, _ action: PlanUpdater.NewAction, by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.addAction($0, objectiveID: objectiveID, action) }
    }

    /// Takes an action out (kept in its objective's history).
    public func removeAction(_ actionID: String, by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.removeAction($0, actionID: actionID) }
    }

    /// Folds one action into another, whose lead still answers for it, the folded one's named with them.
    public func mergeAction(_ actionID: String, into targetID: String, by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.mergeAction($0, actionID: actionID, into: targetID) }
    }

    /// Adds an objective from another source than the audit, with its first action.
    public func addObjective(standardID: String, title: String, finding: String?, source: String, action: PlanUpdater.NewAction,
                             by: String, at: Date = Date()) async throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try await save { try updater.addObjective($0, standardID: standardID, title: title, finding: finding, source: source, action: action) }
    }

    private func save(_ change: (Plan) throws -> Plan) async throws -> Plan {
        try await store.plans.update(organisation: organisation, year: year) { current in
            let next = try change(current)
            _ = try PlanXML().write(next)                     // the board's schema accepts it, or nothing is stored
            return next
        }
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
