import Foundation

extension TrailEntry {
    /// The trail's entries for a plan changed from `old` to `new`: each change the plan's own
    /// histories gained (an objective's or an action's), with who made it and when; the item is
    /// the objective's or action's id.
    public static func planChanges(from old: Plan, to new: Plan) -> [TrailEntry] {
        var seen: [String: Int] = [:]
        for objective in old.objectives { seen[objective.id] = objective.history.count }
        for action in old.actions { seen[action.id] = action.history.count }
        let reader = ISO8601DateFormatter()
        var entries: [TrailEntry] = []
        let histories = new.objectives.map { ($0.id, $0.history) } + new.actions.map { ($0.id, $0.history) }
        for (id, history) in histories {
            for change in history.dropFirst(seen[id] ?? 0) {
                entries.append(TrailEntry(at: reader.date(from: change.at) ?? Date(), who: change.by, subject: .plan, item: id,
                                          field: change.field, old: change.old, new: change.new))
            }
        }
        return entries
    }
}
