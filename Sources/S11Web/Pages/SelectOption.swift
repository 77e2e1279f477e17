/// One option of a form's select (a role of the self-assessment, a service area of the content).
struct SelectOption: Encodable {
    let id: String
    let label: String
    let selected: Bool
}
