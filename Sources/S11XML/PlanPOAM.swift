import CLibXML2
import Foundation
import S11Core

/// The plan as an OSCAL-style plan of action and milestones (poam.xsd), for boards that feed
/// compliance tooling: each objective's finding becomes an observation, a risk and a POA&M item;
/// each action a milestone task with its due date and its leads' roles and parties; each recorded
/// change a risk-log entry. Identifiers are UUIDs derived from the plan, so the same plan always
/// gives the same bytes. Validated against the shipped schema before it is returned.
public struct PlanPOAM: Sendable {
    public init() {}

    public func write(_ plan: Plan) throws(DiagnosticsError) -> Data {
        guard !plan.objectives.isEmpty else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: "POA&M export", line: 0, column: 0),
                                               "the plan has no objectives, and a POA&M needs at least one item; export it as xml instead")])
        }
        let builder = XMLBuilder(root: "plan-of-action-and-milestones", namespace: SchemaValidator.Schema.poam.namespace)
        let root = builder.root
        let scope = "\(plan.organisation)|\(plan.auditYear)|\(plan.title)"
        builder.setAttributes(root, [("uuid", uuid(scope))])

        let organisation = uuid("\(scope)|party|organisation")
        var people: [String: String] = [:]                       // lead name -> party uuid
        var roles: [(id: String, title: String)] = [("prepared-for", "The organisation the plan is for"),
                                                   ("action-lead", "Leads an action")]
        // Every role any lead takes is declared, a lead in two roles' second one too.
        for lead in plan.actions.flatMap(\.leads) {
            if people[lead.name] == nil { people[lead.name] = uuid("\(scope)|party|\(lead.name)") }
            if let role = lead.role, !roles.contains(where: { $0.id == role }) { roles.append((role, role)) }
        }
        // A plan that gives no review date or version (the 2021-22 seed) is dated from its start.
        let modified = plan.documentControl.lastReviewed ?? plan.periodStart

        let metadata = builder.element("metadata", in: root)
        builder.text("title", "\(plan.organisation): \(plan.title)", in: metadata)
        builder.text("last-modified", timestamp(modified), in: metadata)
        builder.text("version", plan.documentControl.version ?? "as published", in: metadata)
        builder.text("oscal-version", "1.1.2", in: metadata)
        for role in roles {
            builder.text("title", role.title, in: builder.element("role", in: metadata, attributes: [("id", role.id)]))
        }
        builder.text("name", plan.organisation,
                     in: builder.element("party", in: metadata, attributes: [("uuid", organisation), ("type", "organization")]))
        for name in people.keys.sorted() {
            builder.text("name", name, in: builder.element("party", in: metadata, attributes: [("uuid", people[name]), ("type", "person")]))
        }
        let preparedFor = builder.element("responsible-party", in: metadata, attributes: [("role-id", "prepared-for")])
        builder.text("party-uuid", organisation, in: preparedFor)
        builder.text("system-id", plan.organisation, in: root, attributes: [("identifier-type", "urn:s11:organisation")])

        let gaps = plan.standards.flatMap { standard in standard.objectives.map { (standard, $0) } }
        for (_, objective) in gaps {
            let node = builder.element("observation", in: root, attributes: [("uuid", uuid("\(scope)|observation|\(objective.id)"))])
            builder.text("title", "Self-assessment finding: \(objective.title)", in: node)
            paragraphs(objective.finding ?? "Carried into this plan unfinished.", element: "description", in: node, builder: builder)
            if let requirement = objective.requirementID { prop("requirement", requirement, in: node, builder: builder) }
            builder.text("method", "EXAMINE", in: node)
            builder.text("type", "finding", in: node)
            builder.text("collected", timestamp(modified), in: node)
        }
        for (standard, objective) in gaps {
            writeRisk(objective, standard: standard, plan: plan, scope: scope, people: people, builder: builder)
        }
        for (standard, objective) in gaps {
            let node = builder.element("poam-item", in: root, attributes: [("uuid", uuid("\(scope)|item|\(objective.id)"))])
            builder.text("title", objective.title, in: node)
            let under = [standard.standardID, standard.title].compactMap { $0 }.joined(separator: " ")
            paragraphs(under.isEmpty ? objective.title : "\(under): \(objective.title)", element: "description", in: node, builder: builder)
            prop("objective", objective.id, in: node, builder: builder)
            builder.element("related-observation", in: node, attributes: [("observation-uuid", uuid("\(scope)|observation|\(objective.id)"))])
            builder.element("related-risk", in: node, attributes: [("risk-uuid", uuid("\(scope)|risk|\(objective.id)"))])
        }

        let data = builder.data()
        try SchemaValidator.shared(.poam).validate(try XMLDocument(data: data, file: "POA&M export"))
        return data
    }

    private func writeRisk(_ objective: Objective, standard: PlanStandard, plan: Plan, scope: String, people: [String: String],
                           builder: XMLBuilder) {
        // An action whose words name no time is due by the end of the plan.
        func due(_ action: PlanAction) -> CalendarDate { plan.dueDate(of: action) ?? plan.periodEnd }
        let risk = builder.element("risk", in: builder.root, attributes: [("uuid", uuid("\(scope)|risk|\(objective.id)"))])
        builder.text("title", objective.title, in: risk)
        paragraphs(objective.finding ?? objective.title, element: "description", in: risk, builder: builder)
        if let standardID = standard.standardID {
            paragraphs("Standard \(standardID) (\(standard.title ?? standardID)) is not fully met\(objective.requirementID.map { " at requirement \($0)" } ?? "").",
                       element: "statement", in: risk, builder: builder)
            prop("standard", standardID, in: risk, builder: builder)
        } else {
            paragraphs(objective.source.map { "From \($0): \(objective.title)" } ?? objective.title, element: "statement", in: risk, builder: builder)
        }
        builder.text("status", objective.actions.allSatisfy { $0.status == .blue } ? "closed" : "open", in: risk)
        builder.text("deadline", timestamp(objective.actions.map(due).max() ?? plan.periodEnd), in: risk)

        let response = builder.element("response", in: risk, attributes: [
            ("uuid", uuid("\(scope)|response|\(objective.id)")), ("lifecycle", "planned")])
        builder.text("title", "Actions for \(objective.id)", in: response)
        let outcomes = objective.actions.compactMap(\.outcome).uniqued()
        paragraphs(outcomes.isEmpty ? objective.title : outcomes.joined(separator: "\n"), element: "description", in: response, builder: builder)
        for action in objective.actions {
            let task = builder.element("task", in: response, attributes: [("uuid", uuid("\(scope)|task|\(action.id)")), ("type", "milestone")])
            builder.text("title", action.input, in: task)
            // Every word of the plan's row: the timescale in words and the progress notes too.
            let leads = action.leads.map { lead in
                (lead.isSupporting ? "With: " : "Lead: ") + lead.described + (lead.status.map { ", status \($0.rawValue)" } ?? "") + (lead.progress.map { ", progress: \($0)" } ?? "")
            }
            let row = (action.outcome.map { ["Desired outcome: \($0)"] } ?? []) + (action.measure.map { ["Measure: \($0)"] } ?? []) + leads
                + (action.timescale.map { ["Timescale: \($0)"] } ?? []) + (action.progress.map { ["Progress: \($0)"] } ?? [])
            paragraphs(row.joined(separator: "\n"), element: "description", in: task, builder: builder)
            prop("action", action.id, in: task, builder: builder)
            if let status = action.status { prop("status", status.rawValue, in: task, builder: builder) }
            if let carried = action.carried {
                prop("carried-from", carried.actionID + (carried.originalDue.map { " due \($0.iso)" } ?? ""), in: task, builder: builder)
            }
            builder.element("on-date", in: builder.element("timing", in: task), attributes: [("date", timestamp(due(action)))])
            var roleOrder: [String] = []
            for lead in action.leads where !roleOrder.contains(lead.role ?? "action-lead") { roleOrder.append(lead.role ?? "action-lead") }
            for role in roleOrder {
                let responsible = builder.element("responsible-role", in: task, attributes: [("role-id", role)])
                for lead in action.leads where (lead.role ?? "action-lead") == role { builder.text("party-uuid", people[lead.name], in: responsible) }
            }
        }

        let changes = objective.actions.flatMap { action in action.history.map { (action, $0) } }
        guard !changes.isEmpty else {
            builder.element("related-observation", in: risk, attributes: [("observation-uuid", uuid("\(scope)|observation|\(objective.id)"))])
            return
        }
        let log = builder.element("risk-log", in: risk)
        for (index, (action, change)) in changes.enumerated() {
            let entry = builder.element("entry", in: log, attributes: [("uuid", uuid("\(scope)|log|\(action.id)|\(index)"))])
            builder.text("title", "\(action.id) \(change.field) changed", in: entry)
            paragraphs("\(change.by) changed \(change.field) from \(change.old ?? "none") to \(change.new ?? "none").",
                       element: "description", in: entry, builder: builder)
            builder.text("start", change.at, in: entry)
        }
        builder.element("related-observation", in: risk, attributes: [("observation-uuid", uuid("\(scope)|observation|\(objective.id)"))])
    }

    private func paragraphs(_ text: String, element: String, in parent: xmlNodePtr, builder: XMLBuilder) {
        let node = builder.element(element, in: parent)
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        for line in lines.isEmpty ? [text] : lines { builder.text("p", line, in: node) }
    }

    private func prop(_ name: String, _ value: String, in parent: xmlNodePtr, builder: XMLBuilder) {
        builder.element("prop", in: parent, attributes: [("name", name), ("ns", "urn:s11:oscal"), ("value", value)])
    }

    private func timestamp(_ date: CalendarDate) -> String { "\(date.iso)T00:00:00Z" }

    /// A version-8 (custom) UUID from two 64-bit FNV-1a hashes of `name`: stable across runs.
    private func uuid(_ name: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            return hash
        }
        var bytes = withUnsafeBytes(of: fnv(0xcbf29ce484222325).bigEndian, Array.init)
            + withUnsafeBytes(of: fnv(0x84222325cbf29ce4).bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}

private extension Array where Element == String {
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
