import Foundation
import S11Core

/// An action's fields as typed into a plan form (the action form, and the first or a further
/// action of an objective), each trimmed; "" where nothing was typed.
struct ActionFields: Decodable {
    var input = ""
    var outcome = ""
    var measure = ""
    var lead = ""
    var due = ""
    var timescale = ""

    init(input: String = "", outcome: String = "", measure: String = "", lead: String = "", due: String = "", timescale: String = "") {
        self.input = input
        self.outcome = outcome
        self.measure = measure
        self.lead = lead
        self.due = due
        self.timescale = timescale
    }


    /// The action, or what is missing or wrong, each error naming its field (after `prefix`).
    func checked(prefix: String = "") -> (PlanUpdater.NewAction?, [FieldError]) {
        var errors: [FieldError] = []
        func given(_ value: String) -> String? { value.isEmpty ? nil : value }
        for (name, value, label) in [("input", input, "the action"), ("lead", lead, "the lead (several separated by ;)")] where given(value) == nil {
            errors.append(FieldError(field: prefix + name, message: "Write \(label)"))
        }
        let day = given(due).flatMap { CalendarDate(iso: $0) }
        if given(due) != nil && day == nil {
            errors.append(FieldError(field: prefix + "due", message: "Write the due date as YYYY-MM-DD, for example 2027-09-30"))
        } else if day == nil && given(timescale) == nil {
            errors.append(FieldError(field: prefix + "timescale",
                                     message: "Write when: a timescale in words (\"Quarterly\", \"June 2027\"), a due date, or both"))
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (PlanUpdater.NewAction(input: input, outcome: given(outcome), measure: given(measure), lead: lead, due: day,
                                      timescale: given(timescale)), [])
    }
}

extension ActionFields {
    enum CodingKeys: String, CodingKey {
        case input, outcome, measure, lead, due, timescale
    }

    /// The fields as a plan form posts them, each trimmed.
    init(from decoder: any Decoder) throws {
        let form = try decoder.container(keyedBy: CodingKeys.self)
        func field(_ key: CodingKeys) throws -> String {
            (try form.decodeIfPresent(String.self, forKey: key) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        self.init(input: try field(.input), outcome: try field(.outcome), measure: try field(.measure), lead: try field(.lead), due: try field(.due),
                  timescale: try field(.timescale))
    }
}
