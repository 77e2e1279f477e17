import S11Core

/// "Are you sure?" before an action that cannot be taken back or reaches other people: what will
/// happen, in words, the button that does it, and the way back that does nothing.
struct ConfirmPage: PageModel {
    static let template = "admin-confirm"

    /// A value the confirming form posts again (the officer's e-mail address, say).
    struct Field: Encodable {
        let name: String
        let value: String
    }

    let title: String
    let hasErrors = false
    let bar: SignedInBar
    /// What will happen, a paragraph each.
    let paragraphs: [String]
    /// Where the confirming form posts.
    let action: String
    let fields: [Field]
    let button: String
    /// The way back, doing nothing.
    let backHref: String
    let backText: String
}
