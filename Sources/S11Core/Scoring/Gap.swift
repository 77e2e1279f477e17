/// A requirement that needs an action in next year's plan, and why.
public struct Gap: Sendable, Hashable, Codable {
    public enum Reason: Sendable, Hashable, Codable {
        /// The requirement's combined band is Amber or Red.
        case lowRating(Rating)
        /// Officers answered with an option the scale marks as a gap (e.g. Partially or Not met).
        case gapAnswers([ScoredAnswer])
        /// Answers differ by two scale steps or more.
        case inconsistentPractice(spread: Int)
        /// Moderation rated the requirement, or its standard, Amber or Red.
        case moderated(Moderation)
        /// Staff answering a statement mapped to the requirement fall below its target, or fewer agree
        /// than last year by more than chance explains.
        case staffConfidence(statementID: String, statement: String, reasons: [String])
    }

    public var requirementID: String
    public var standardID: String
    public var reasons: [Reason]
    /// Service areas that answered, weakest first, with their percentage for this requirement.
    public var serviceAreas: [(area: String, percent: Double)] {
        get { zip(areaNames, areaPercents).map { ($0, $1) } }
        set {
            areaNames = newValue.map(\.area)
            areaPercents = newValue.map(\.percent)
        }
    }
    private var areaNames: [String]
    private var areaPercents: [Double]

    public init(requirementID: String, standardID: String, reasons: [Reason], serviceAreas: [(area: String, percent: Double)]) {
        self.requirementID = requirementID
        self.standardID = standardID
        self.reasons = reasons
        self.areaNames = serviceAreas.map(\.area)
        self.areaPercents = serviceAreas.map(\.percent)
    }

    public var weakestServiceArea: String? { areaNames.first }

    public static func == (a: Gap, b: Gap) -> Bool {
        a.requirementID == b.requirementID && a.standardID == b.standardID && a.reasons == b.reasons
            && a.areaNames == b.areaNames && a.areaPercents == b.areaPercents
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(requirementID) }
}
