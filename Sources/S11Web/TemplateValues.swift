import Mustache

/// A page's values as its template reads them, made once from the page's model (`PageModel`) by
/// its `Encodable` conformance (`TemplateEncoder`): a struct becomes named values, an array a
/// list, a Bool a Bool, a number or text its text, and a nil optional is left out, so that, as
/// with the struct itself, swift-mustache looks for the name further out.
///
/// swift-mustache can read the struct itself, by reflection, but `Mirror` lists every stored
/// property to find one (about 2 microseconds each, a few tens for a row), and a round's page
/// reads tens of thousands of names: several times the page's own work. Here a name is a
/// dictionary lookup, as it was when pages were dictionaries.
final class TemplateValues: MustacheParent {
    fileprivate(set) var values: [String: TemplateValue] = [:]

    func child(named name: String) -> Any? {
        values[name]?.rendered
    }
}

/// One value of a page as its template reads it.
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case values(TemplateValues)
    case list(TemplateList)

    /// The value swift-mustache renders: a section over a list repeats for each item, over a
    /// Bool opens or not, over anything else opens with it.
    var rendered: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .values(let values): values
        case .list(let list): list.items.map(\.rendered)
        }
    }
}

/// The items of an array of a page, in order.
final class TemplateList {
    fileprivate(set) var items: [TemplateValue] = []
}

/// Turns a page's model into `TemplateValues` through its `Encodable` conformance.
enum TemplateEncoder {
    static func values(of page: some Encodable) throws -> TemplateValues {
        guard case .values(let values) = try value(of: page) else { throw EncodingError.invalidValue(page, .init(codingPath: [],
            debugDescription: "a page's model is a struct of named values")) }
        return values
    }

    /// The value of `value`: text for text and numbers, a flag for a Bool, else what it encodes as.
    static func value(of value: some Encodable) throws -> TemplateValue {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as any BinaryInteger: return .text(String(describing: number))
        case let number as any BinaryFloatingPoint: return .text(String(describing: number))
        default:
            let encoder = Encoder()
            try value.encode(to: encoder)
            guard let encoded = encoder.encoded else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(type(of: value)) encodes nothing"))
            }
            return encoded
        }
    }

    private final class Encoder: Swift.Encoder {
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]
        var encoded: TemplateValue?

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let values = TemplateValues()
            encoded = .values(values)
            return KeyedEncodingContainer(Keyed(values: values))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let list = TemplateList()
            encoded = .list(list)
            return Unkeyed(list: list)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(encoder: self)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let values: TemplateValues
        var codingPath: [any CodingKey] { [] }

        /// A nil optional is left out.
        mutating func encodeNil(forKey key: Key) {}

        /// A `PagePart`'s values are the page's own; any other value is the key's.
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if value is any PagePart {
                values.values.merge(try TemplateEncoder.values(of: value).values) { _, part in part }
            } else {
                values.values[key.stringValue] = try TemplateEncoder.value(of: value)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = TemplateValues()
            values.values[key.stringValue] = .values(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(values: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let list = TemplateList()
            values.values[key.stringValue] = .list(list)
            return Unkeyed(list: list)
        }

        mutating func superEncoder() -> any Swift.Encoder { Encoder() }
        mutating func superEncoder(forKey key: Key) -> any Swift.Encoder { Encoder() }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let list: TemplateList
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.items.count }

        mutating func encodeNil() throws {
            throw EncodingError.invalidValue(Optional<Int>.none as Any, .init(codingPath: [], debugDescription: "a page's list holds no nil"))
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            list.items.append(try TemplateEncoder.value(of: value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = TemplateValues()
            list.items.append(.values(nested))
            return KeyedEncodingContainer(Keyed<NestedKey>(values: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = TemplateList()
            list.items.append(.list(nested))
            return Unkeyed(list: nested)
        }

        mutating func superEncoder() -> any Swift.Encoder { Encoder() }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: Encoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {
            throw EncodingError.invalidValue(Optional<Int>.none as Any, .init(codingPath: [], debugDescription: "a page's value is not nil"))
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.encoded = try TemplateEncoder.value(of: value)
        }
    }
}
