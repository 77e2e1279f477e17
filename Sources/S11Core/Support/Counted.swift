/// A number with its noun in the number's form, as a person writes it: "1 officer", "2 officers",
/// "0 answer sets", never "officer(s)".
public struct Counted: Sendable, Equatable, CustomStringConvertible {
    public let count: Int
    public let singular: String
    public let plural: String

    /// `count` of `singular`, whose plural is `plural` (the singular with an "s" when not given).
    public init(_ count: Int, _ singular: String, plural: String? = nil) {
        self.count = count
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    public var description: String { "\(count) \(count == 1 ? singular : plural)" }
}
