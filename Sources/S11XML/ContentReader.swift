import Foundation
import S11Core

/// Turns schema-valid Standards/ and Surveys/ documents into core values. Call only after
/// `SchemaValidator` accepted the document: the reader trusts the shape the XSD guarantees.
struct ContentReader {
    func catalogue(_ root: XMLElement) -> Catalogue {
        Catalogue(
            id: root.attribute("id") ?? "",
            version: root.attribute("version") ?? "",
            title: root.childText("title") ?? "",
            description: root.childText("description"),
            standards: root.children("standard").map(standard),
            location: root.location)
    }

    private func standard(_ element: XMLElement) -> Standard {
        Standard(
            id: element.attribute("id") ?? "",
            number: Int(element.attribute("number") ?? "") ?? 0,
            title: element.childText("title") ?? "",
            summary: element.childText("summary"),
            requirements: element.children("requirement").map(requirement),
            location: element.location)
    }

    private func requirement(_ element: XMLElement) -> Requirement {
        let improvement = element.child("improvement")
        let template = ImprovementTemplate(
            objective: improvement?.childText("objective") ?? "",
            actions: improvement?.children("action").map { trimmed($0.text) } ?? [],
            outcome: improvement?.childText("outcome") ?? "",
            measure: improvement?.childText("measure") ?? "",
            leadRole: improvement?.attribute("leadRole") ?? "",
            timescaleMonths: Int(improvement?.attribute("timescaleMonths") ?? "") ?? 12,
            location: improvement?.location)
        return Requirement(
            id: element.attribute("id") ?? "",
            statement: element.childText("statement") ?? "",
            guidance: element.childText("guidance") ?? "",
            evidenceExamples: element.child("evidence")?.children("example").map { trimmed($0.text) } ?? [],
            weight: Double(element.attribute("weight") ?? "") ?? 0,
            naAllowed: bool(element.attribute("naAllowed")),
            improvement: template,
            location: element.location)
    }

    func crosswalk(_ root: XMLElement) -> Crosswalk {
        Crosswalk(id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", title: root.childText("title") ?? "",
                  fromCatalogue: root.attribute("from") ?? "", toCatalogue: root.attribute("to") ?? "",
                  mappings: root.children("map").map { map in
                      Crosswalk.Mapping(from: map.attribute("from") ?? "", to: map.attribute("to") ?? "", note: map.attribute("note"),
                                        location: map.location)
                  },
                  location: root.location)
    }

    func scales(_ root: XMLElement) -> [Scale] {
        root.children("scale").map { element in
            Scale(id: element.attribute("id") ?? "", label: element.attribute("label") ?? "",
                  options: element.children("option").map { option in
                      ScaleOption(value: option.attribute("value") ?? "", label: trimmed(option.text),
                                  score: Double(option.attribute("score") ?? "") ?? 0,
                                  isGap: bool(option.attribute("gap")), agrees: bool(option.attribute("agrees")))
                  },
                  location: element.location)
        }
    }

    func survey(_ root: XMLElement) -> Survey {
        Survey(
            id: root.attribute("id") ?? "",
            version: root.attribute("version") ?? "",
            kind: Survey.Kind(rawValue: root.attribute("kind") ?? "") ?? .selfAssessment,
            catalogueID: root.attribute("catalogue") ?? "",
            title: root.childText("title") ?? "",
            introduction: root.childText("introduction"),
            roles: root.child("roles")?.children("role").map {
                Role(id: $0.attribute("id") ?? "", label: trimmed($0.text), ownsPlan: bool($0.attribute("ownsPlan")))
            } ?? [],
            bands: root.child("bands")?.children("band").compactMap(band) ?? [],
            profile: root.child("profile")?.children("choice").map(profileChoice) ?? [],
            sections: root.children("section").map(section),
            statements: root.children("statement").map(statement),
            maxObjectives: root.attribute("maxObjectives").flatMap { Int($0) },
            smallestGroup: root.attribute("smallestGroup").flatMap { Int($0) },
            location: root.location)
    }

    private func band(_ element: XMLElement) -> BandRule? {
        guard let rag = Rag(rawValue: element.attribute("rag") ?? "") else { return nil }
        return BandRule(rag: rag, minPercent: Double(element.attribute("minPercent") ?? "") ?? 0,
                        needsEvidence: bool(element.attribute("needsEvidence")),
                        minEvidencePercent: element.attribute("minEvidencePercent").flatMap { Double($0) },
                        needsExample: bool(element.attribute("needsExample")))
    }

    private func profileChoice(_ element: XMLElement) -> ProfileChoice {
        ProfileChoice(id: element.attribute("id") ?? "", label: element.childText("label") ?? "",
                      options: element.children("option").map { (value: $0.attribute("value") ?? "", label: trimmed($0.text)) })
    }

    private func section(_ element: XMLElement) -> Section {
        Section(
            standardID: element.attribute("standard") ?? "",
            roles: (element.attribute("roles") ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
            questions: element.children("question").map { question in
                Question(id: question.attribute("id") ?? "", requirementID: question.attribute("requirement") ?? "",
                         scaleID: question.attribute("scale") ?? "",
                         isRequired: question.attribute("required").map { bool($0) } ?? true,
                         evidenceRequired: question.attribute("evidence") == "required",
                         location: question.location)
            },
            location: element.location)
    }

    private func statement(_ element: XMLElement) -> Statement {
        Statement(id: element.attribute("id") ?? "", text: trimmed(element.text), scaleID: element.attribute("scale") ?? "",
                  requirementID: element.attribute("requirement"),
                  targetPercent: element.attribute("targetPercent").flatMap(Double.init),
                  location: element.location)
    }

    private func bool(_ text: String?) -> Bool { text == "true" || text == "1" }

    private func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
