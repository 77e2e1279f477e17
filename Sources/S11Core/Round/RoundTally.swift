/// What organisations the board holds add up to, kept as counts: how many are held and moderated,
/// each column's bands and percentages (for the spreads, medians and band counts), how many have
/// a standard in each band, each requirement's gaps and the staff survey's figures. An
/// organisation's tally is added when the board receives its self-assessment and taken away when
/// it is moderated again or given back, so a round's picture is read from these counts rather than
/// worked out from every organisation; the same counts work it out from the organisations
/// themselves (`init(_:)`), so both ways give one answer.
public struct RoundTally: Sendable, Hashable {
    /// One count of the tally.
    public enum Key: Sendable, Hashable {
        /// Organisations held.
        case held
        /// Organisations the board has moderated anywhere.
        case moderated
        /// Organisations whose column (`""` the overall, else a standard's id) the board holds in a band.
        case band(scope: String, Rag)
        /// Organisations whose column the board holds at this percentage.
        case percent(scope: String, Double)
        /// Organisations with at least one standard in the band.
        case hasStandard(Rag)
        /// Organisations where the requirement is a gap.
        case gap(requirementID: String)
        /// Organisations whose staff answered the staff survey.
        case staffAnswered
        /// Organisations whose staff answered in groups large enough to show, and their respondents.
        case staffCounted, staffRespondents
        /// Of the organisations counted: how many have the statement's figure, and its agreeing and answering staff.
        case staffFigures(statementID: String), staffAgreeing(statementID: String), staffAnswering(statementID: String)

        /// How the texts of the staff survey's keys begin, and no other key's.
        public static let staffTextPrefixes = ["staff", "figures|", "agree|", "answer|"]

        /// The key as the store keeps it: "band|S1|red", "pct||66.66666666666667".
        public var text: String {
            switch self {
            case .held: "held"
            case .moderated: "moderated"
            case .band(let scope, let rag): "band|\(scope)|\(rag.rawValue)"
            case .percent(let scope, let value): "pct|\(scope)|\(value)"
            case .hasStandard(let rag): "has|\(rag.rawValue)"
            case .gap(let id): "gap|\(id)"
            case .staffAnswered: "staff"
            case .staffCounted: "staffCounted"
            case .staffRespondents: "staffRespondents"
            case .staffFigures(let id): "figures|\(id)"
            case .staffAgreeing(let id): "agree|\(id)"
            case .staffAnswering(let id): "answer|\(id)"
            }
        }

        /// The key `text` names; nil for text no key writes. Read as bytes: a round's page reads
        /// thousands of keys (a percentage each) on every request.
        public init?(text: String) {
            var text = text
            guard let key = text.withUTF8(Self.init(bytes:)) else { return nil }
            self = key
        }

        private init?(bytes: UnsafeBufferPointer<UInt8>) {
            let bar = UInt8(ascii: "|")
            func string(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: part, as: UTF8.self) }
            guard let first = bytes.firstIndex(of: bar) else {
                switch string(bytes[...]) {
                case "held": self = .held
                case "moderated": self = .moderated
                case "staff": self = .staffAnswered
                case "staffCounted": self = .staffCounted
                case "staffRespondents": self = .staffRespondents
                default: return nil
                }
                return
            }
            let head = bytes[..<first], rest = bytes[(first + 1)...]
            // "band|S|rag" and "pct|S|value": the scope is what lies between the first bar and the last.
            let last = rest.lastIndex(of: bar)
            let scope = last.map { string(rest[..<$0]) }
            let tail = last.map { string(rest[($0 + 1)...]) }
            if head.elementsEqual("pct".utf8) {
                guard let scope, let tail, let value = Double(tail) else { return nil }
                self = .percent(scope: scope, value)
            } else if head.elementsEqual("band".utf8) {
                guard let scope, let tail, let rag = Rag(rawValue: tail) else { return nil }
                self = .band(scope: scope, rag)
            } else if head.elementsEqual("has".utf8) {
                guard let rag = Rag(rawValue: string(rest)) else { return nil }
                self = .hasStandard(rag)
            } else if head.elementsEqual("gap".utf8) {
                self = .gap(requirementID: string(rest))
            } else if head.elementsEqual("figures".utf8) {
                self = .staffFigures(statementID: string(rest))
            } else if head.elementsEqual("agree".utf8) {
                self = .staffAgreeing(statementID: string(rest))
            } else if head.elementsEqual("answer".utf8) {
                self = .staffAnswering(statementID: string(rest))
            } else {
                return nil
            }
        }
    }

    /// Every count that is not zero.
    public private(set) var counts: [Key: Int] = [:]

    public init() {}

    /// The counts as kept; zeros are dropped.
    public init(counts: [Key: Int]) {
        self.counts = counts.filter { $0.value != 0 }
    }

    /// One organisation's part of the tally.
    public init(_ organisation: RoundPicture.Submitted) {
        add(.held)
        if organisation.isModerated { add(.moderated) }
        for (scope, score) in [("", organisation.overall)] + organisation.standardLines.map({ ($0.scopeID, Optional($0)) }) {
            if let rag = score?.effectiveRag { add(.band(scope: scope, rag)) }
            if let percent = score?.boardPercent { add(.percent(scope: scope, percent)) }
        }
        for rag in Rag.allCases where organisation.hasStandard(in: rag) { add(.hasStandard(rag)) }
        for score in organisation.scores where score.kind == .requirement && score.isGap { add(.gap(requirementID: score.scopeID)) }
        guard let survey = organisation.scores.first(where: { $0.kind == .staffSurvey }) else { return }
        add(.staffAnswered)
        let figures = organisation.scores.compactMap { score in score.staffFigure.map { (score.scopeID, $0) } }
        guard !figures.isEmpty else { return }
        add(.staffCounted)
        add(.staffRespondents, survey.answered ?? 0)
        for (id, figure) in figures {
            add(.staffFigures(statementID: id))
            add(.staffAgreeing(statementID: id), figure.count)
            add(.staffAnswering(statementID: id), figure.total)
        }
    }

    /// The tally of every organisation given.
    public init(_ organisations: [RoundPicture.Submitted]) {
        for organisation in organisations { self += RoundTally(organisation) }
    }

    /// How many the key counts.
    public subscript(_ key: Key) -> Int { counts[key] ?? 0 }

    mutating func add(_ key: Key, _ count: Int = 1) {
        let sum = self[key] + count
        counts[key] = sum == 0 ? nil : sum
    }

    public static func += (tally: inout RoundTally, other: RoundTally) {
        for (key, count) in other.counts { tally.add(key, count) }
    }

    public static func -= (tally: inout RoundTally, other: RoundTally) {
        for (key, count) in other.counts { tally.add(key, -count) }
    }

    /// The sum of several tallies (the sectors').
    public static func sum(_ tallies: some Sequence<RoundTally>) -> RoundTally {
        tallies.reduce(into: RoundTally()) { $0 += $1 }
    }

    /// A column's figures: `""` the overall, else a standard's id.
    public func column(_ scope: String) -> HeatmapSummary.Column {
        var bands: [Rag: Int] = [:]
        var percents: [(value: Double, count: Int)] = []
        for (key, count) in counts {
            switch key {
            case .band(scope, let rag): bands[rag] = count
            case .percent(scope, let value): percents.append((value, count))
            default: continue
            }
        }
        percents.sort { $0.value < $1.value }
        // The value at a place in the sorted percentages, counting each as many times as it was given.
        func value(at place: Int) -> Double {
            var seen = 0
            for (value, count) in percents {
                seen += count
                if place < seen { return value }
            }
            return percents.last!.value
        }
        let rated = percents.reduce(0) { $0 + $1.count }
        let median: Double? = rated == 0 ? nil : rated % 2 == 1 ? value(at: rated / 2) : (value(at: rated / 2 - 1) + value(at: rated / 2)) / 2
        let banded = bands.values.reduce(0, +)
        var middleBand: Rag?
        if banded > 0 {
            var seen = 0
            for rag in Rag.allCases.sorted() {
                seen += bands[rag] ?? 0
                if banded / 2 < seen { middleBand = rag; break }
            }
        }
        return HeatmapSummary.Column(scopeID: scope, median: median, middleBand: middleBand, counts: bands, unrated: self[.held] - banded)
    }

    /// The requirements that are a gap in any organisation, the most frequent first (then in the
    /// catalogue's order), with how many organisations each is a gap in; at most `count`.
    public func commonestGaps(_ catalogue: Catalogue, count: Int) -> [(requirement: Requirement, organisations: Int)] {
        let requirements = catalogue.standards.flatMap(\.requirements)
        return requirements.enumerated().compactMap { index, requirement -> (Int, Requirement, Int)? in
            let gaps = self[.gap(requirementID: requirement.id)]
            return gaps == 0 ? nil : (index, requirement, gaps)
        }.sorted { ($1.2, $0.0) < ($0.2, $1.0) }.prefix(count).map { ($0.1, $0.2) }
    }
}
