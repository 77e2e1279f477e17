/// A message on its own page: a title (in a green panel when something is done), a few paragraphs
/// and a link onwards. Refusals, confirmations and unknown links are all told this way.
struct MessagePage: PageModel {
    static let template = "message"

    struct Link: Encodable {
        let href: String
        let text: String
    }

    let title: String
    let hasErrors = false
    let panel: Bool
    let paragraphs: [String]
    let link: Link?
}
