/// An `application/x-www-form-urlencoded` body as field name -> value (the last value wins).
/// Decoded byte by byte: a field that is not valid percent-encoded UTF-8 is dropped.
struct FormBody: Sendable {
    var fields: [String: String]

    init(_ text: String) {
        fields = Dictionary(Self.pairs(text), uniquingKeysWith: { _, last in last })
    }

    /// Every field of `text` in order, repeats kept (a field whose name does not decode is dropped).
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).compactMap { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { return nil }
            return (name, parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// The value of the field `name` in `text`, read as `init` reads it (the last value winning),
    /// without decoding the other fields' values: for the CSRF token of a form read later.
    static func value(of name: String, in text: String) -> String? {
        var value: String?
        for pair in text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard decode(parts[0]) == name else { continue }
            value = parts.count > 1 ? decode(parts[1]) ?? "" : ""
        }
        return value
    }

    /// Whether every name and value of `text` decodes (no broken escape, no bytes that are not UTF-8).
    static func decodesExactly(_ text: String) -> Bool {
        text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).allSatisfy { pair in
            pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false).allSatisfy { decode($0) != nil }
        }
    }

    /// A field's text with blank meaning absent.
    func text(_ name: String) -> String? {
        guard let value = fields[name], value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }

    /// `+` is a space and `%XX` a byte; nil for a broken escape or bytes that are not UTF-8.
    private static func decode(_ part: Substring.UTF8View.SubSequence) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.count)
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = part.index(after: index)
                guard high < part.endIndex, part.index(after: high) < part.endIndex,
                      let h = hexValue(part[high]), let l = hexValue(part[part.index(after: high)]) else { return nil }
                bytes.append(h << 4 | l)
                index = part.index(after: high)
            default:
                bytes.append(byte)
            }
            index = part.index(after: index)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
