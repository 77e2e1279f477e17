import S11Core

/// Where a round stands on one day, for its page, without reading every member: how many of its
/// members are at each stage in each sector (counted by the store), and the few organisations it
/// reads through a crosswalk, with their stage.
public struct RoundOverview: Sendable {
    public var round: BoardRound
    public var today: CalendarDate
    /// Sector, then stage: how many members, those read through a crosswalk included.
    public var counts: [String: [RoundStage: Int]]
    /// The organisations the round reads through a crosswalk.
    public var readings: [(row: RoundMemberStatus, stage: RoundStage)]

    public init(round: BoardRound, today: CalendarDate, counts: [String: [RoundStage: Int]], readings: [RoundMemberStatus]) {
        self.round = round
        self.today = today
        self.readings = readings.map { ($0, $0.stage(deadline: round.deadline, today: today)) }
        var counts = counts
        for (row, stage) in self.readings { counts[row.member.sector, default: [:]][stage, default: 0] += 1 }
        self.counts = counts
    }

    /// How many members the round has.
    public var total: Int { counts.values.flatMap(\.values).reduce(0, +) }

    /// Whether the round's deadline has passed.
    public var isOverdue: Bool { today > round.deadline }

    /// How many organisations are at each stage.
    public var byStage: [(stage: RoundStage, count: Int)] {
        RoundStage.allCases.map { stage in (stage, counts.values.reduce(0) { $0 + ($1[stage] ?? 0) }) }
    }

    /// Per sector (by name), how many organisations are at each stage.
    public var bySector: [(sector: String, counts: [RoundStage: Int])] {
        counts.map { ($0.key, $0.value) }.sorted { $0.sector.lowercased() < $1.sector.lowercased() }
    }
}
