/// The staff confidence survey's results: per statement overall and by service area (small groups
/// suppressed), the change since last year, and which statements are gaps and why.
public struct StaffResults: Sendable, Hashable, Codable {
    /// One statement's figures for a group of respondents.
    public struct Figure: Sendable, Hashable, Codable {
        /// Respondents who answered the statement, and how many agreed; nil when suppressed.
        public var agreeing: Proportion?
        /// True when the group is too small to show without risking identifying someone.
        public var suppressed: Bool

        public var percent: Double? { agreeing?.percent }
        public var interval: (low: Double, high: Double)? { agreeing?.wilson95 }

        public init(agreeing: Proportion?, suppressed: Bool) {
            self.agreeing = agreeing
            self.suppressed = suppressed
        }

        enum CodingKeys: String, CodingKey { case agreeing, suppressed, percent, low95, high95 }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(agreeing: try c.decodeIfPresent(Proportion.self, forKey: .agreeing), suppressed: try c.decode(Bool.self, forKey: .suppressed))
        }

        /// Writes the percentage and its interval too, rounded to one decimal, for readers of the JSON.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(agreeing, forKey: .agreeing)
            try c.encode(suppressed, forKey: .suppressed)
            func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
            try c.encodeIfPresent(percent.map(round), forKey: .percent)
            try c.encodeIfPresent(interval.map { round($0.low) }, forKey: .low95)
            try c.encodeIfPresent(interval.map { round($0.high) }, forKey: .high95)
        }
    }

    /// The change since last year's survey.
    public struct Change: Sendable, Hashable, Codable {
        public var previous: Proportion
        /// Percentage points, this year less last year.
        public var points: Double
        public var z: Double
        public var pValue: Double
        /// p < 0.05: unlikely to be chance.
        public var significant: Bool
    }

    /// One statement's results.
    public struct StatementResult: Sendable, Hashable, Codable {
        public var statementID: String
        public var text: String
        public var requirementID: String?
        public var targetPercent: Double?
        public var overall: Figure
        /// Service area option value -> figure.
        public var byServiceArea: [String: Figure]
        public var change: Change?
        /// Why the statement is a gap (below target, or significantly down); empty when it is not.
        public var gapReasons: [String]

        public var isGap: Bool { !gapReasons.isEmpty }
    }

    public var respondents: Int
    public var minimumGroup: Int
    /// Service area option values with their labels, in the survey's order.
    public var serviceAreas: [ServiceArea]
    public var statements: [StatementResult]
    public var previousRespondents: Int?

    /// A service area of the staff survey's profile and how many answered from it (nil when suppressed).
    public struct ServiceArea: Sendable, Hashable, Codable {
        public var value: String
        public var label: String
        public var respondents: Int?
    }

    public func statement(_ id: String) -> StatementResult? { statements.first { $0.statementID == id } }

    /// The statements mapped to a requirement, for showing staff confidence beside the officers' rating.
    public func statements(forRequirement id: String) -> [StatementResult] { statements.filter { $0.requirementID == id } }
}

extension StaffResults.Figure {
    static let suppressed = StaffResults.Figure(agreeing: nil, suppressed: true)
}
