/// The partnership's line under each of a heatmap's columns: the median percentage the board goes
/// by, the middle band, and how many organisations are in each band, of the organisations given.
public struct HeatmapSummary: Sendable, Hashable {
    /// One column's figures: the overall (`scopeID` empty) or a standard's.
    public struct Column: Sendable, Hashable {
        public var scopeID: String
        /// The median of the rated organisations' percentages; nil when none is rated.
        public var median: Double?
        /// The middle band (the worse of the two middles for an even count); nil when none is banded.
        public var middleBand: Rag?
        public var counts: [Rag: Int]
        public var unrated: Int

        /// The median as a heatmap's cell shows it: the middle band's initial and the whole percentage, "A 73".
        public var compactMedian: String? {
            median.map { (middleBand.map { $0.initial + " " } ?? "") + String(Int($0.rounded())) }
        }
    }

    public var overall: Column
    public var standards: [Column]

    /// The figures of `organisations` for the overall and each of `standardIDs`, in that order.
    public init(_ organisations: [RoundPicture.Submitted], standardIDs: [String]) {
        overall = Self.column("", organisations.map(\.overall))
        standards = standardIDs.map { id in Self.column(id, organisations.map { $0.standard(id) }) }
    }

    private static func column(_ scopeID: String, _ scores: [BoardScore?]) -> Column {
        let percents = scores.compactMap { $0?.boardPercent }.sorted()
        let bands = scores.compactMap { $0?.effectiveRag }.sorted()
        var counts: [Rag: Int] = [:]
        for band in bands { counts[band, default: 0] += 1 }
        let median: Double? = percents.isEmpty ? nil
            : percents.count % 2 == 1 ? percents[percents.count / 2] : (percents[percents.count / 2 - 1] + percents[percents.count / 2]) / 2
        return Column(scopeID: scopeID, median: median, middleBand: bands.isEmpty ? nil : bands[bands.count / 2], counts: counts,
                      unrated: scores.count - bands.count)
    }
}
