/// A number with its noun in the number's form, as a person writes it: "1 officer", "2 officers",
/// "0 answer sets", never "officer(s)"; thousands grouped by commas ("3,000 organisations").
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

    public var description: String { "\(Self.figure(count)) \(count == 1 ? singular : plural)" }

    /// A whole number as a board paper writes it, thousands grouped by commas: "3,000", "-1,250", "999".
    public static func figure(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 3 else { return value < 0 ? "-" + digits : digits }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }
}
