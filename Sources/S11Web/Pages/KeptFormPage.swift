import S11Core

/// What a coordinator was saving when their session ended, to send now or leave.
struct KeptFormPage: PageModel {
    static let template = "admin-kept"

    /// One field of the kept form.
    struct Field: Encodable {
        let name: String
        let value: String
        /// Shown in the summary: not blank.
        let shown: Bool
        /// The name in words.
        let label: String
    }

    let title = "Send what you were saving?"
    let hasErrors = false
    let bar: SignedInBar
    let action: String
    let fields: [Field]
    /// Whether any field holds something to show.
    let anyShown: Bool
}

extension KeptFormPage {
    init(account: Coordinator, csrf: String, form: KeptForm) {
        let fields = FormBody.pairs(form.body).filter { $0.name != "csrf" }
            .map { Field(name: $0.name, value: $0.value, shown: $0.value.contains { !$0.isWhitespace }, label: Field.words($0.name)) }
        self.init(bar: SignedInBar(account: account, csrf: csrf), action: form.path, fields: fields, anyShown: fields.contains(where: \.shown))
    }
}

extension KeptFormPage.Field {
    /// A field's name in words: "timeOfDay" as "Time of day", "objective-title" as "Objective title".
    static func words(_ name: String) -> String {
        var words = ""
        for character in name {
            if character.isUppercase, !words.isEmpty { words += " " }
            words += character == "-" || character == "_" ? " " : String(character).lowercased()
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
