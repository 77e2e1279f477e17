/// The partnership's picture from what the organisations submitted to the board: a heatmap of
/// organisations by standard, the spread of ratings per standard, and the themes (the
/// requirements most often a gap, with the organisations).
public struct RoundPicture: Sendable {
    /// One organisation the board holds, with what it submitted.
    public struct Submitted: Sendable {
        /// Its audit in the store, when it came from there.
        public var auditID: Int64?
        public var organisation: String
        public var sector: String
        public var scores: [BoardScore]
        /// What it submitted overall in the board's round last year, when it did.
        public var lastYear: BoardScore?

        /// Each standard's line by id, found once.
        private let standardsByID: [String: BoardScore]

        public init(auditID: Int64? = nil, organisation: String, sector: String, scores: [BoardScore], lastYear: BoardScore? = nil) {
            self.auditID = auditID
            self.organisation = organisation
            self.sector = sector
            self.scores = scores
            self.lastYear = lastYear
            standardsByID = Dictionary(scores.filter { $0.kind == .standard }.map { ($0.scopeID, $0) }, uniquingKeysWith: { a, _ in a })
        }

        public var overall: BoardScore? { scores.first { $0.kind == .overall } }

        public func standard(_ id: String) -> BoardScore? { standardsByID[id] }

        /// Each standard's line, one per standard.
        public var standardLines: [BoardScore] { Array(standardsByID.values) }

        /// Whether any standard is in `band` as the board holds it.
        public func hasStandard(in band: Rag) -> Bool { standardsByID.values.contains { $0.effectiveRag == band } }

        /// How many of its standards are Red as the board holds them.
        public var redStandards: Int { standardsByID.values.filter { $0.effectiveRag == .red }.count }

        /// Whether the board has moderated anything of it.
        public var isModerated: Bool { scores.contains { $0.moderated != nil } }

        /// Whether its overall percentage moved since its submission to last year's round.
        public var changedSinceLastYear: Bool { movement.change.map { $0 != 0 } ?? false }

        /// The overall percentage as the board holds it (moderated where moderated), last year and now.
        public var movement: ScoreMovement.Line {
            ScoreMovement.Line(standardID: "overall", previous: lastYear?.boardPercent, current: overall?.boardPercent)
        }
    }

    /// How many organisations a standard's effective band puts in each colour, and how many are unrated.
    public struct Spread: Sendable {
        public var standardID: String
        public var title: String
        public var counts: [Rag: Int]
        public var unrated: Int
    }

    /// A requirement that is a gap in several organisations.
    public struct Theme: Sendable {
        public var requirementID: String
        public var statement: String
        /// The organisations it is a gap in, by name (or the first of them, when `count` is more).
        public var organisations: [String]
        /// How many organisations it is a gap in.
        public var count: Int

        public init(requirementID: String, statement: String, organisations: [String], count: Int? = nil) {
            self.requirementID = requirementID
            self.statement = statement
            self.organisations = organisations
            self.count = count ?? organisations.count
        }

        /// The organisations by name, at most `count` of them, then "and N more".
        public func named(atMost count: Int) -> String {
            let named = organisations.prefix(count).joined(separator: ", ")
            return self.count > count ? "\(named) and \(self.count - count) more" : named
        }
    }

    public var submitted: [Submitted]
    public var standards: [(id: String, title: String)]
    public var spreads: [Spread]
    public var themes: [Theme]
    /// The staff survey across the organisations; nil when no organisation's staff answered.
    public var staff: RoundStaffPicture?

    /// From the organisations submitted (in the order to show them) and the round's catalogue;
    /// at most `themeCount` themes, the most frequent gaps first (then the catalogue's order).
    public init(submitted: [Submitted], catalogue: Catalogue, staffStatements: [(id: String, text: String)] = [], themeCount: Int = 10) {
        self.submitted = submitted
        let bySector = Dictionary(grouping: submitted, by: \.sector).mapValues(RoundTally.init)
        let tally = RoundTally.sum(bySector.values)
        staff = RoundStaffPicture(bySector: bySector, statements: staffStatements)
        standards = catalogue.standards.map { ($0.id, $0.title) }
        spreads = catalogue.standards.map { Spread(tally.column($0.id), title: $0.title) }
        // One pass over what was submitted: each requirement's organisations where it is a gap.
        var gapsIn: [String: [String]] = [:]
        for organisation in submitted {
            for score in organisation.scores where score.kind == .requirement && score.isGap {
                gapsIn[score.scopeID, default: []].append(organisation.organisation)
            }
        }
        themes = tally.commonestGaps(catalogue, count: themeCount).map { requirement, _ in
            Theme(requirementID: requirement.id, statement: requirement.statement, organisations: gapsIn[requirement.id] ?? [])
        }
    }
}

extension RoundPicture.Spread {
    /// A standard's spread from its column of figures.
    public init(_ column: HeatmapSummary.Column, title: String) {
        self.init(standardID: column.scopeID, title: title, counts: column.counts, unrated: column.unrated)
    }
}
