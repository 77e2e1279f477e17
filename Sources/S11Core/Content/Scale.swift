/// A reusable answer scale with a score per option (XLSForm's choice list, scored).
public struct Scale: Sendable, Hashable {
    public var id: String
    public var label: String
    public var options: [ScaleOption]
    public var location: SourceLocation?

    public init(id: String, label: String, options: [ScaleOption], location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.options = options
        self.location = location
    }

    /// The option with this value; case does not matter, so "Mostly" typed in a spreadsheet is `mostly`.
    public func option(_ value: String) -> ScaleOption? {
        options.first { $0.value == value } ?? options.first { $0.value.lowercased() == value.lowercased() }
    }

    public var maxScore: Double { options.map(\.score).max() ?? 0 }
    public var minScore: Double { options.map(\.score).min() ?? 0 }

    /// An option's score as a percentage of the scale's range (lowest option 0%, highest 100%).
    public func percent(for option: ScaleOption) -> Double {
        let range = maxScore - minScore
        return range > 0 ? (option.score - minScore) / range * 100 : 0
    }

    /// How many steps apart two options are when the options are ordered by score.
    public func levelsBetween(_ a: ScaleOption, _ b: ScaleOption) -> Int {
        let ordered = options.map(\.score).sorted()
        guard let i = ordered.firstIndex(of: a.score), let j = ordered.firstIndex(of: b.score) else { return 0 }
        return abs(i - j)
    }
}

/// One answer on a scale.
public struct ScaleOption: Sendable, Hashable {
    public var value: String
    public var label: String
    public var score: Double
    /// An officer giving this answer means the requirement needs an action (the Harrow rule).
    public var isGap: Bool
    /// This answer counts as agreeing, for staff confidence percentages.
    public var agrees: Bool

    public init(value: String, label: String, score: Double, isGap: Bool = false, agrees: Bool = false) {
        self.value = value
        self.label = label
        self.score = score
        self.isGap = isGap
        self.agrees = agrees
    }
}
