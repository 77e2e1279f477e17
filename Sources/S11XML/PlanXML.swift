import CLibXML2
import Foundation
import S11Core

/// The board XML (plan.xsd, version 2): writes a plan, validated before it is returned, and reads
/// it back losslessly, so export, import and export again give the same bytes. Version 1 files
/// (plan-v1.xsd) still read, upgraded as `PlanXMLVersion1` says.
public struct PlanXML: Sendable {
    public init() {}

    /// The plan as board XML version 2, checked against the shipped schema.
    public func write(_ plan: Plan) throws(DiagnosticsError) -> Data {
        let builder = XMLBuilder(root: "plan", namespace: SchemaValidator.Schema.plan.namespace)
        let root = builder.root
        builder.setAttributes(root, [("schemaVersion", "2")])
        builder.text("organisation", plan.organisation, in: root)
        builder.text("title", plan.title, in: root)
        builder.text("auditYear", String(plan.auditYear), in: root)
        builder.element("period", in: root, attributes: [("start", plan.periodStart.iso), ("end", plan.periodEnd.iso)])
        writeDocumentControl(plan.documentControl, in: builder.element("documentControl", in: root), builder: builder)
        if !plan.introduction.isEmpty {
            let node = builder.element("introduction", in: root)
            for paragraph in plan.introduction { builder.text("paragraph", paragraph, in: node) }
        }

        if let results = plan.results {
            let node = builder.element("results", in: root, attributes: [
                ("catalogue", results.catalogueID), ("catalogueVersion", results.catalogueVersion),
                ("returns", String(results.returns))])
            builder.element("overall", in: node, attributes: ratingAttributes(results.overall))
            for standard in results.standards {
                builder.element("standard", in: node, attributes: [("ref", standard.standardID), ("title", standard.title)]
                                + ratingAttributes(standard.rating)
                                + [("moderatedPercent", standard.moderatedPercent.map(PercentText.format)), ("moderatedRag", standard.moderated?.rawValue),
                                   ("gaps", String(standard.gaps))])
            }
        }

        if !plan.priorities.isEmpty {
            let node = builder.element("priorities", in: root)
            for priority in plan.priorities { builder.text("priority", priority.why, in: node, attributes: [("objective", priority.objectiveID)]) }
        }
        for standard in plan.standards {
            let node = builder.element("standard", in: root, attributes: [("ref", standard.standardID), ("title", standard.title)])
            for objective in standard.objectives {
                let objectiveNode = builder.element("objective", in: node,
                                                    attributes: [("id", objective.id), ("requirement", objective.requirementID),
                                                                 ("source", objective.source)])
                builder.text("title", objective.title, in: objectiveNode)
                builder.text("finding", objective.finding, in: objectiveNode)
                for action in objective.actions {
                    writeAction(action, in: builder.element("action", in: objectiveNode), builder: builder)
                }
                writeHistory(objective.history, in: objectiveNode, builder: builder)
            }
        }
        if !plan.completed.isEmpty {
            let node = builder.element("completed", in: root)
            for done in plan.completed {
                writeAction(done.action, in: builder.element("action", in: node), builder: builder, extra: [
                    ("standard", done.standardID), ("standardTitle", done.standardTitle), ("objective", done.objective)])
            }
        }
        if !plan.underReview.isEmpty {
            let node = builder.element("underReview", in: root)
            for area in plan.underReview {
                let areaNode = builder.element("area", in: node, attributes: [
                    ("standard", area.standardID), ("standardTitle", area.standardTitle), ("requirement", area.requirementID)])
                builder.text("title", area.title, in: areaNode)
                builder.text("finding", area.finding, in: areaNode)
            }
        }
        let data = builder.data()
        let check = try XMLDocument(data: data, file: "plan export")
        try SchemaValidator.shared(.plan).validate(check)
        return data
    }

    private func writeDocumentControl(_ dc: DocumentControl, in control: xmlNodePtr, builder: XMLBuilder) {
        builder.text("document", dc.document, in: control)
        builder.text("owner", dc.owner, in: control)
        builder.text("author", dc.author, in: control)
        builder.text("version", dc.version, in: control)
        builder.text("lastReviewed", dc.lastReviewed?.iso, in: control)
        builder.text("nextReviewDue", dc.nextReviewDue?.iso, in: control)
        builder.text("notes", dc.notes, in: control)
        if !dc.keyInfluences.isEmpty {
            let list = builder.element("keyInfluences", in: control)
            for influence in dc.keyInfluences { builder.text("influence", influence, in: list) }
        }
        if !dc.history.isEmpty {
            let history = builder.element("history", in: control)
            for revision in dc.history {
                builder.text("revision", revision.note, in: history, attributes: [
                    ("version", revision.version), ("date", revision.date?.iso), ("when", revision.when), ("author", revision.author)])
            }
        }
    }

    private func writeAction(_ action: PlanAction, in node: xmlNodePtr, builder: XMLBuilder, extra: [(String, String?)] = []) {
        builder.setAttributes(node, [("id", action.id), ("status", action.status?.rawValue)] + extra)
        builder.text("input", action.input, in: node)
        builder.text("outcome", action.outcome, in: node)
        builder.text("measure", action.measure, in: node)
        for lead in action.leads {
            let leadNode = builder.element("lead", in: node, attributes: [
                ("name", lead.name), ("role", lead.role), ("serviceArea", lead.serviceArea), ("status", lead.status?.rawValue),
                ("supporting", lead.isSupporting ? "true" : nil)])
            builder.text("progress", lead.progress, in: leadNode)
        }
        builder.text("timescale", action.timescale, in: node)
        builder.text("due", action.due?.iso, in: node)
        builder.text("progress", action.progress, in: node)
        if let carried = action.carried {
            builder.element("carried", in: node, attributes: [
                ("plan", carried.plan), ("action", carried.actionID), ("originalDue", carried.originalDue?.iso),
                ("originalDueWorkedOut", carried.dueWorkedOut ? "true" : nil)])
        }
        writeHistory(action.history, in: node, builder: builder)
    }

    /// An action's or objective's changes, when there are any.
    private func writeHistory(_ changes: [ActionChange], in node: xmlNodePtr, builder: XMLBuilder) {
        guard !changes.isEmpty else { return }
        let history = builder.element("history", in: node)
        for change in changes {
            let changeNode = builder.element("change", in: history,
                                             attributes: [("at", change.at), ("by", change.by), ("field", change.field)])
            builder.text("old", change.old, in: changeNode)
            builder.text("new", change.new, in: changeNode)
        }
    }

    private func ratingAttributes(_ rating: Rating) -> [(String, String?)] {
        [("percent", rating.percent.map(PercentText.oneDecimal)), ("rag", rating.rag?.rawValue)]
    }

    /// Reads board XML of either version, refusing anything its schema does not accept; a version 1
    /// plan comes back upgraded, ready to be written as version 2.
    public func read(data: Data, file: String) throws(DiagnosticsError) -> Plan {
        let document = try XMLDocument(data: data, file: file)
        let version1 = document.root?.namespace == SchemaValidator.Schema.planVersion1.namespace
        try SchemaValidator.shared(version1 ? .planVersion1 : .plan).validate(document)
        guard let root = document.root else { throw DiagnosticsError([]) }
        let period = root.child("period")
        let control = root.child("documentControl")
        let documentControl = DocumentControl(
            document: control?.child("document")?.text,
            owner: control?.child("owner")?.text,
            author: control?.child("author")?.text,
            version: control?.childText("version"),
            lastReviewed: Self.date(control?.childText("lastReviewed")),
            nextReviewDue: Self.date(control?.childText("nextReviewDue")),
            notes: control?.child("notes")?.text,
            keyInfluences: control?.child("keyInfluences")?.children("influence").map(\.text) ?? [],
            history: control?.child("history")?.children("revision").map {
                Revision(version: $0.attribute("version") ?? "", date: Self.date($0.attribute("date")), when: $0.attribute("when"),
                         author: $0.attribute("author"), note: $0.text)
            } ?? [])
        let results = root.child("results").map { node in
            PlanResults(catalogueID: node.attribute("catalogue") ?? "",
                        catalogueVersion: node.attribute("catalogueVersion") ?? "",
                        returns: Int(node.attribute("returns") ?? "") ?? 0,
                        overall: node.child("overall").map(rating) ?? .unrated,
                        standards: node.children("standard").map {
                            StandardResult(standardID: $0.attribute("ref") ?? "", title: $0.attribute("title") ?? "",
                                           rating: rating($0), moderated: $0.attribute("moderatedRag").flatMap(Rag.init(rawValue:)),
                                           moderatedPercent: $0.attribute("moderatedPercent").flatMap(Double.init),
                                           gaps: Int($0.attribute("gaps") ?? "") ?? 0)
                        })
        }
        // Version 1 names every lead in one element; version 2 has an element per lead.
        let readAction = { (node: XMLElement) in
            Self.action(node, leads: version1 ? PlanXMLVersion1.leads(node.child("lead")) : node.children("lead").map(Self.lead))
        }
        let standards = root.children("standard").map { node in
            PlanStandard(standardID: node.attribute("ref"), title: node.attribute("title"),
                         objectives: node.children("objective").map { objective in
                Objective(id: objective.attribute("id") ?? "", requirementID: objective.attribute("requirement"),
                          title: objective.child("title")?.text ?? "", finding: objective.child("finding")?.text,
                          actions: objective.children("action").map(readAction),
                          source: objective.attribute("source"), history: Self.history(objective))
            })
        }
        let completed = root.child("completed")?.children("action").map { node in
            CompletedAction(standardID: node.attribute("standard"), standardTitle: node.attribute("standardTitle"),
                            objective: node.attribute("objective"), action: readAction(node))
        } ?? []
        let underReview = root.child("underReview")?.children("area").map { node in
            ReviewArea(standardID: node.attribute("standard") ?? "", standardTitle: node.attribute("standardTitle") ?? "",
                       requirementID: node.attribute("requirement") ?? "", title: node.child("title")?.text ?? "",
                       finding: node.child("finding")?.text ?? "")
        } ?? []
        return Plan(organisation: root.child("organisation")?.text ?? "",
                    title: root.child("title")?.text ?? "",
                    auditYear: Int(root.childText("auditYear") ?? "") ?? 0,
                    periodStart: Self.date(period?.attribute("start")) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
                    periodEnd: Self.date(period?.attribute("end")) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
                    documentControl: documentControl,
                    introduction: root.child("introduction")?.children("paragraph").map(\.text) ?? [], results: results,
                    priorities: root.child("priorities")?.children("priority").map {
                        PlanPriority(objectiveID: $0.attribute("objective") ?? "", why: $0.text)
                    } ?? [],
                    standards: standards, completed: completed, underReview: underReview)
    }

    /// A date the schema has checked as xs:date; s11 writes plain YYYY-MM-DD.
    static func date(_ text: String?) -> CalendarDate? {
        text.flatMap { CalendarDate(iso: String($0.prefix(10))) }
    }

    private static func history(_ node: XMLElement) -> [ActionChange] {
        node.child("history")?.children("change").map {
            ActionChange(at: $0.attribute("at") ?? "", by: $0.attribute("by") ?? "", field: $0.attribute("field") ?? "",
                         old: $0.child("old")?.text, new: $0.child("new")?.text)
        } ?? []
    }

    private static func carried(_ action: XMLElement) -> CarriedFrom? {
        action.child("carried").map {
            CarriedFrom(plan: $0.attribute("plan") ?? "", actionID: $0.attribute("action") ?? "", originalDue: date($0.attribute("originalDue")),
                        dueWorkedOut: ["true", "1"].contains($0.attribute("originalDueWorkedOut") ?? ""))
        }
    }

    /// An action of either version, with its leads as that version holds them.
    private static func action(_ action: XMLElement, leads: [Lead]) -> PlanAction {
        PlanAction(id: action.attribute("id") ?? "",
                   status: action.attribute("status").flatMap(ActionStatus.init(rawValue:)),
                   input: action.child("input")?.text ?? "",
                   outcome: action.child("outcome")?.text,
                   measure: action.child("measure")?.text,
                   leads: leads,
                   due: date(action.childText("due")),
                   timescale: action.child("timescale")?.text,
                   progress: action.child("progress")?.text,
                   carried: carried(action),
                   history: history(action))
    }

    /// A version 2 `lead` element.
    private static func lead(_ element: XMLElement) -> Lead {
        Lead(name: element.attribute("name") ?? "", role: element.attribute("role"), serviceArea: element.attribute("serviceArea"),
             status: element.attribute("status").flatMap(ActionStatus.init(rawValue:)), progress: element.child("progress")?.text,
             isSupporting: ["true", "1"].contains(element.attribute("supporting") ?? ""))
    }

    private func rating(_ element: XMLElement) -> Rating {
        Rating(percent: element.attribute("percent").flatMap(Double.init),
               rag: element.attribute("rag").flatMap(Rag.init(rawValue:)))
    }
}
