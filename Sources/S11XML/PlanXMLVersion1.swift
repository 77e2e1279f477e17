import Foundation
import S11Core

/// How a version 1 board XML action becomes a version 2 one: its one `lead` element holds every
/// lead s11 named, separated by ";" ("Cara Cole (Housing); Ben Birch (Children's Services)"), so
/// each becomes a lead of its own with the service area in brackets as its service area; its
/// due date stays its date. Everything else reads as it is.
enum PlanXMLVersion1 {
    static func action(_ action: XMLElement) -> PlanAction {
        PlanAction(id: action.attribute("id") ?? "",
                   status: action.attribute("status").flatMap(ActionStatus.init(rawValue:)),
                   input: action.child("input")?.text ?? "",
                   outcome: action.child("outcome")?.text,
                   measure: action.child("measure")?.text,
                   leads: leads(action.child("lead")),
                   due: PlanXML.date(action.childText("due")),
                   timescale: action.child("timescale")?.text,
                   progress: action.child("progress")?.text,
                   carried: PlanXML.carried(action),
                   history: PlanXML.history(action))
    }

    /// The leads one version 1 `lead` element names.
    static func leads(_ element: XMLElement?) -> [Lead] {
        let text = element?.text ?? ""
        let names = Lead.names(in: text)
        guard names.count > 1 else {
            return [Lead(name: text, role: element?.attribute("role"), serviceArea: element?.attribute("serviceArea"))]
        }
        return names.map { name in
            guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return Lead(name: name) }
            let person = name[..<open].trimmingCharacters(in: .whitespaces)
            let area = name[name.index(after: open)..<name.index(before: name.endIndex)].trimmingCharacters(in: .whitespaces)
            return person.isEmpty || area.isEmpty ? Lead(name: name) : Lead(name: person, serviceArea: area)
        }
    }
}
