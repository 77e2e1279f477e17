extension Standard {
    /// The title short enough for a narrow column's header: up to its first comma, colon, semicolon
    /// or " and ", at most three words ("Safer recruitment and managing allegations" gives "Safer
    /// recruitment"; "Commissioning, contracts, grants and licensing" gives "Commissioning").
    public var shortTitle: String { Self.shortTitle(of: title) }

    /// `shortTitle` for any standard's title.
    public static func shortTitle(of title: String) -> String {
        var head = Substring(title)
        for separator in [",", ":", ";", " and ", " - "] {
            if let range = head.range(of: separator), range.lowerBound > head.startIndex { head = head[..<range.lowerBound] }
        }
        let words = head.split(separator: " ")
        return words.count > 3 ? words.prefix(3).joined(separator: " ") + "…" : words.joined(separator: " ")
    }
}
