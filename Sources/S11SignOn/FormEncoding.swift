import Foundation

/// `application/x-www-form-urlencoded`, as OAuth 2.0 sends its requests and query strings.
enum FormEncoding {
    /// The characters that pass unescaped (RFC 3986's unreserved).
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `fields` joined as `name=value&...`, each part escaped.
    static func encode(_ fields: KeyValuePairs<String, String>) -> String {
        fields.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
