/// A form field's text with blank meaning absent, as `FormBody.text` reads a field: nil when the
/// field is missing or holds nothing but whitespace. In a fixed form's `Decodable` struct:
/// `@NonBlank var email: String?`.
@propertyWrapper
struct NonBlank: Decodable, Sendable {
    var wrappedValue: String?

    init(wrappedValue: String?) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        wrappedValue = text.contains(where: { !$0.isWhitespace }) ? text : nil
    }
}

extension KeyedDecodingContainer {
    /// A `@NonBlank` field that the form does not send is absent, not an error.
    func decode(_ type: NonBlank.Type, forKey key: Key) throws -> NonBlank {
        try decodeIfPresent(type, forKey: key) ?? NonBlank(wrappedValue: nil)
    }
}
