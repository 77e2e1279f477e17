/// A form's problems as the `errors` partial and the page's title read them: whether there are
/// any, and each with the field it links to.
struct FormErrors: PagePart {
    let hasErrors: Bool
    let errors: [FieldError]
}

extension FormErrors {
    init(_ errors: [FieldError]) {
        self.init(hasErrors: !errors.isEmpty, errors: errors)
    }
}
