/// How an organisation's scores moved between two years' audits, per standard and overall.
public struct ScoreMovement: Sendable {
    /// One line: the percentages of both years (nil when unrated) and the change in points.
    public struct Line: Sendable, Hashable {
        public var standardID: String
        public var previous: Double?
        public var current: Double?

        public init(standardID: String, previous: Double?, current: Double?) {
            self.standardID = standardID
            self.previous = previous
            self.current = current
        }

        public var change: Double? {
            guard let previous, let current else { return nil }
            return ((current - previous) * 10).rounded() / 10
        }

        /// The change alone, signed, for a narrow cell: "+6.2", "-3", "0"; nil when a year is unrated.
        public var signedChange: String? {
            change.map { ($0 > 0 ? "+" : "") + PercentText.format($0) }
        }

        /// "+6.2 points", "-3 points", "no change" or "-" when a year is unrated.
        public var changeText: String {
            guard let change else { return "-" }
            if change == 0 { return "no change" }
            return (change > 0 ? "+" : "") + PercentText.format(change) + " points"
        }
    }

    public var standards: [Line]
    public var overall: Line

    /// Standards are matched by id; one the previous year's catalogue lacks shows no previous figure.
    public init(current: Scorecard, previous: Scorecard) {
        standards = current.standards.map { standard in
            Line(standardID: standard.standardID,
                 previous: previous.standards.first { $0.standardID == standard.standardID }?.rating.percent,
                 current: standard.rating.percent)
        }
        overall = Line(standardID: "overall", previous: previous.overall.percent, current: current.overall.percent)
    }
}
