import Foundation
import S11Core

/// How a version 1 board XML action's leads become version 2 leads: its one `lead` element holds
/// every lead s11 named, separated by ";" ("Cara Cole (Housing); Ben Birch (Children's Services)"),
/// so each becomes a lead of its own with the service area in brackets as its service area. The
/// rest of a version 1 action reads as version 2 does.
enum PlanXMLVersion1 {
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
