import Foundation
import S11Core
import S11Store
import S11XML

/// Changing a stored plan after drafting: an action's wording, status, progress, lead or dates,
/// and signing off a version. Each change is kept with who, when, old and new, made in one
/// transaction, and refused when the board schema would not accept the result.
public struct PlanEditing: Sendable {
    public let store: AuditStore
    public let organisation: String
    public let year: Int

    public init(store: AuditStore, organisation: String, year: Int) {
        self.store = store
        self.organisation = organisation
        self.year = year
    }

    public init(store: AuditStore, plan: Plan) {
        self.init(store: store, organisation: plan.organisation, year: plan.auditYear)
    }

    /// The plan as stored now; nil before one is drafted.
    public func plan() throws -> Plan? {
        try store.plan(organisation: organisation, year: year)
    }

    /// Changes one action; `PlanUpdateError` when the action is unknown or nothing changes.
    public func update(actionID: String, change: PlanUpdater.Change, by: String, at: Date = Date()) throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try save { try updater.update($0, actionID: actionID, change: change) }
    }

    /// Raises the version (minor, or major when signed off) with why, who and the day.
    public func signOff(note: String, major: Bool, by: String, on day: CalendarDate, at: Date = Date()) throws -> Plan {
        let updater = PlanUpdater(by: by, at: Self.timestamp(at))
        return try save { try updater.bumpVersion($0, note: note, on: day, major: major) }
    }

    private func save(_ change: (Plan) throws -> Plan) throws -> Plan {
        try store.updatePlan(organisation: organisation, year: year) { current in
            let next = try change(current)
            _ = try PlanXML().write(next)                     // the board's schema accepts it, or nothing is stored
            return next
        }
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
