/// A standards catalogue: the standards an organisation self-assesses against.
public struct Catalogue: Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: String
    public var description: String?
    public var standards: [Standard]
    public var location: SourceLocation?

    public init(id: String, version: String, title: String, description: String? = nil,
                standards: [Standard], location: SourceLocation? = nil) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.standards = standards
        self.location = location
    }

    /// Every requirement, in catalogue order.
    public var requirements: [Requirement] { standards.flatMap(\.requirements) }

    public func requirement(_ id: String) -> Requirement? {
        for standard in standards {
            if let found = standard.requirements.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    public func standard(containing requirementID: String) -> Standard? {
        standards.first { $0.requirements.contains { $0.id == requirementID } }
    }

    public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }
}

/// One standard (for example "Leadership, strategy and working together") and its requirements.
public struct Standard: Sendable, Hashable {
    public var id: String
    public var number: Int
    public var title: String
    public var summary: String?
    public var requirements: [Requirement]
    public var location: SourceLocation?

    public init(id: String, number: Int, title: String, summary: String? = nil,
                requirements: [Requirement], location: SourceLocation? = nil) {
        self.id = id
        self.number = number
        self.title = title
        self.summary = summary
        self.requirements = requirements
        self.location = location
    }
}

/// A single requirement an officer rates, with the template used when it is a gap.
public struct Requirement: Sendable, Hashable {
    public var id: String
    public var statement: String
    public var guidance: String
    public var evidenceExamples: [String]
    /// Relative weight within its standard; positive.
    public var weight: Double
    public var naAllowed: Bool
    public var improvement: ImprovementTemplate
    public var location: SourceLocation?

    public init(id: String, statement: String, guidance: String, evidenceExamples: [String],
                weight: Double, naAllowed: Bool, improvement: ImprovementTemplate,
                location: SourceLocation? = nil) {
        self.id = id
        self.statement = statement
        self.guidance = guidance
        self.evidenceExamples = evidenceExamples
        self.weight = weight
        self.naAllowed = naAllowed
        self.improvement = improvement
        self.location = location
    }
}

/// How to close a gap in a requirement: the seed of a plan objective and its actions.
public struct ImprovementTemplate: Sendable, Hashable {
    public var objective: String
    public var actions: [String]
    public var outcome: String
    public var measure: String
    /// A role id from the self-assessment survey, e.g. `strategic-lead`.
    public var leadRole: String
    public var timescaleMonths: Int
    public var location: SourceLocation?

    public init(objective: String, actions: [String], outcome: String, measure: String,
                leadRole: String, timescaleMonths: Int, location: SourceLocation? = nil) {
        self.objective = objective
        self.actions = actions
        self.outcome = outcome
        self.measure = measure
        self.leadRole = leadRole
        self.timescaleMonths = timescaleMonths
        self.location = location
    }
}
