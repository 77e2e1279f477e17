import S11Core

/// The plan as CSV, one row per action and lead (an action with two leads is two rows, the
/// action's columns repeated; `lead_part` says "lead" for one who answers for it, "with" for one
/// supporting), in the seeds' column order, for spreadsheets and mail merges. Fields are quoted as RFC 4180 asks, and a leading =, +, - or @ is neutralised so a
/// spreadsheet never runs a cell as a formula.
public struct PlanCSV: Sendable {
    public static let header = ["standard", "standard_title", "objective", "objective_title", "requirement", "action",
                                "status", "action_input", "desired_outcome", "measure", "lead", "lead_part", "lead_role",
                                "lead_service_area", "lead_status", "lead_progress", "due", "timescale", "progress",
                                "carried_from", "original_due"]

    public init() {}

    public func write(_ plan: Plan) -> String {
        var rows = [Self.header]
        for standard in plan.standards {
            for objective in standard.objectives {
                for action in objective.actions {
                    let before: [String] = [standard.standardID ?? "", standard.title ?? "", objective.id, objective.title,
                                            objective.requirementID ?? "", action.id, action.status?.rawValue ?? "", action.input,
                                            action.outcome ?? "", action.measure ?? ""]
                    let after: [String] = [action.due?.iso ?? "", action.timescale ?? "", action.progress ?? "",
                                           action.carried?.actionID ?? "", action.carried?.originalDue?.iso ?? ""]
                    for lead in action.leads {
                        let led: [String] = [lead.name, lead.isSupporting ? "with" : "lead", lead.role ?? "", lead.serviceArea ?? "",
                                             lead.status?.rawValue ?? "", lead.progress ?? ""]
                        rows.append(before + led + after)
                    }
                }
            }
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV field, quoted when it needs to be; a leading =, +, -, @, tab or CR is prefixed with '
    /// so spreadsheets do not run it as a formula.
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
