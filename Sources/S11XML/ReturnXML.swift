import CLibXML2
import Foundation
import S11Core

/// Reads officers' returns (return.xsd) and writes the blank template an officer fills in.
public struct ReturnXML: Sendable {
    public init() {}

    /// Parses and schema-validates a return file.
    public func read(data: Data, file: String) throws(DiagnosticsError) -> OfficerReturn {
        let document = try XMLDocument(data: data, file: file)
        try SchemaValidator.shared(.officerReturn).validate(document)
        guard let root = document.root else { throw DiagnosticsError([]) }
        let elements = root.children("answer")
        let answers = elements.map { element in
            Answer(questionID: element.attribute("question") ?? "",
                   choice: Answer.choice(from: element.attribute("option")),
                   evidence: element.child("evidence")?.text,
                   example: element.child("example")?.text,
                   reason: element.child("reason")?.text,
                   improvement: element.child("improvement").flatMap {
                       Improvement(action: $0.text, lead: $0.attribute("lead"), by: $0.attribute("by"), measure: $0.attribute("measure"))
                   },
                   location: element.location)
        }
        let documents = elements.flatMap { element in
            (element.child("documents")?.children("document") ?? []).map { document in
                NamedDocument(questionID: element.attribute("question") ?? "", path: document.attribute("file") ?? "", location: document.location)
            }
        }
        return OfficerReturn(organisation: root.attribute("organisation") ?? "",
                             year: Int(root.attribute("year") ?? "") ?? 0,
                             officerEmail: root.attribute("officer") ?? "",
                             answers: answers, documents: documents, location: root.location)
    }

    /// A return to fill in: every question the officer answers, with the statement, guidance and
    /// allowed options as comments, and any answers already given.
    public func template(content: AuditContent, organisation: String, year: Int, officer: Officer,
                         existing: [Answer] = [], attached: [EvidenceDocument] = []) -> Data {
        let builder = XMLBuilder(root: "return", namespace: SchemaValidator.Schema.officerReturn.namespace)
        let root = builder.root
        builder.setAttributes(root, [("organisation", organisation), ("year", String(year)), ("officer", officer.email)])
        builder.comment("Return for \(officer.name) (\(content.selfAssessment.roleLabel(officer.role)), \(officer.serviceArea)). Set option on every answer; give evidence; a best-practice example earns Blue; N/A needs a reason. Below the top option, say what you will do to improve, who will lead it, by when and how we will know it worked: <improvement lead=\"NAME\" by=\"WHEN\" measure=\"HOW WE WILL KNOW\">WHAT</improvement>. Attach documents as evidence with <documents><document file=\"evidence/policy.pdf\"/></documents>, each file named from this return's folder (or its folder in a ZIP you import with the files); documents already attached stay.", in: root)
        let given = Dictionary(existing.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
        for section in content.selfAssessment.sections(forRole: officer.role) {
            if let standard = content.catalogue.standard(section.standardID) {
                builder.comment("Standard \(standard.number): \(standard.title)", in: root)
            }
            for question in section.questions {
                guard let requirement = content.catalogue.requirement(question.requirementID) else { continue }
                let scale = content.scale(question.scaleID)
                var options = scale?.options.map { "\($0.value) (\($0.label))" } ?? []
                if requirement.naAllowed { options.append("na (not applicable: give a reason)") }
                builder.comment("\(requirement.id): \(requirement.statement) Guidance: \(requirement.guidance) Options: \(options.joined(separator: ", "))", in: root)
                let answer = given[question.id]
                if answer?.carried == true {
                    builder.comment("Carried from last year's return: confirm it or change it; importing this file confirms it.", in: root)
                }
                let node = builder.element("answer", in: root,
                                           attributes: [("question", question.id), ("option", answer?.optionValue ?? "")])
                builder.text("evidence", answer?.evidence ?? "", in: node)
                if let example = answer?.example { builder.text("example", example, in: node) }
                if let improvement = answer?.improvement {
                    builder.text("improvement", improvement.action, in: node,
                                 attributes: [("lead", improvement.lead), ("by", improvement.by), ("measure", improvement.measure)])
                }
                if let reason = answer?.reason { builder.text("reason", reason, in: node) }
                let documents = attached.filter { $0.questionID == question.id }
                if !documents.isEmpty {
                    builder.comment("Attached already: \(documents.map(\.name).joined(separator: ", "))", in: node)
                }
            }
        }
        return builder.data()
    }
}
