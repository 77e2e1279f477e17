import Foundation

/// The staff survey's blank form, rendered once per audit and link: everything on it comes from
/// the audit's pinned content and its organisation, which never change, except the CSRF token,
/// which is put in per request. Rendering it for every respondent cost ten times storing their
/// answers. A link that stops working is refused before the cache is consulted; at most `limit`
/// forms are kept, and the cache starts again when it is full.
final class BlankFormCache: @unchecked Sendable {
    /// What stands in the rendered form for the request's CSRF token: letters only, so that the
    /// template's escaping leaves it as it is, and nothing a survey's text could contain.
    static let tokenPlaceholder = "s11csrftokenplaceholderQxZq"

    private let lock = NSLock()
    /// Each form cut at its placeholders, once, so that a request only joins the parts around its
    /// token: searching the text on every request cost more than the rest of the request.
    private var forms: [String: [String]] = [:]
    private let limit: Int

    init(limit: Int = 500) { self.limit = limit }

    /// The form for `key` with `token` in place, rendering it with `render` (given the placeholder) the first time.
    func form(_ key: String, token: String, render: (String) throws -> String) rethrows -> String {
        let cached = lock.withLock { forms[key] }
        let parts = try cached ?? render(Self.tokenPlaceholder).components(separatedBy: Self.tokenPlaceholder)
        if cached == nil {
            lock.withLock {
                if forms.count >= limit { forms.removeAll() }
                forms[key] = parts
            }
        }
        return parts.joined(separator: token)
    }
}
