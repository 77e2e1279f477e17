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
        self.init(RoundTally(organisations), standardIDs: standardIDs)
    }

    /// The figures a tally of organisations adds up to, for the overall and each of `standardIDs`.
    public init(_ tally: RoundTally, standardIDs: [String]) {
        overall = tally.column("")
        standards = standardIDs.map(tally.column)
    }
}
