/// The `admin-plan-action-fields` partial: an action's fields as typed or stored, each field's id
/// after `prefix` (so that two forms on a page keep their ids apart).
struct ActionFormFields: Encodable {
    let prefix: String
    let input: String
    let outcome: String
    let measure: String
    let lead: String
    let timescale: String
    let due: String
}

extension ActionFormFields {
    init(prefix: String, _ fields: ActionFields) {
        self.init(prefix: prefix, input: fields.input, outcome: fields.outcome, measure: fields.measure, lead: fields.lead,
                  timescale: fields.timescale, due: fields.due)
    }
}
