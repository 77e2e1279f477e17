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

    /// Something the person must write before confirming (why a return is reopened, say).
    struct Question: Encodable {
        let name: String
        let label: String
        let hint: String
        let value: String
        let error: String?
    }

    let title: String
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
    var question: Question? = nil
    var form = FormErrors([])
}
