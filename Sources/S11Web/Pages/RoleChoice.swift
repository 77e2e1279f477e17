/// A role of the audit's self-assessment, as an officer form offers it.
struct RoleChoice: Encodable {
    let id: String
    let label: String
    let selected: Bool
}
