import S11Core

/// What the board's round page shows of the organisations the board holds, in a sector or the
/// whole round: a page of the heatmap, the partnership's line under it, the spreads, the themes,
/// the staff survey and the counts its filters offer. Read from what the store keeps up to date
/// as organisations submit and the board moderates (`BoardRounds.dashboard`), so its cost does not
/// grow with the round.
public struct RoundDashboard: Sendable {
    /// The catalogue's standards, the heatmap's columns.
    public var standards: [(id: String, title: String)]
    /// The page of the heatmap asked for, in the order asked.
    public var heatmap: [RoundPicture.Submitted]
    /// How many organisations are on the heatmap, every page of it.
    public var onHeatmap: Int
    /// The partnership's median and band counts over every organisation on the heatmap.
    public var summary: HeatmapSummary
    public var spreads: [RoundPicture.Spread]
    public var themes: [RoundPicture.Theme]
    public var staff: RoundStaffPicture?
    /// Of the organisations held in the sector: how many, how many moderated, how many with a
    /// standard in each band, and how many whose overall changed since last year.
    public var held: Int
    public var moderated: Int
    public var withStandardIn: [Rag: Int]
    public var changedSinceLastYear: Int
    /// The held organisations the filter admits, when it narrows by what the board holds (a band,
    /// moderated, changed); nil when it does not.
    public var admitted: Set<Int64>?
}
