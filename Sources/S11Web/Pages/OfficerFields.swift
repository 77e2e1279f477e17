/// An officer's name, e-mail address and service area as typed into the officers' add and change
/// forms ("" where nothing was typed).
struct OfficerFields: Encodable {
    let name: String
    let email: String
    let serviceArea: String
}
