/// A problem with a form, as the `errors` partial lists it: a link to the field and what to do.
struct FieldError: Sendable, Equatable, Encodable {
    let field: String
    let message: String
}
