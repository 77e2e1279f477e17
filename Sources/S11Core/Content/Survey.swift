import Foundation

/// A questionnaire: the officers' self-assessment or the anonymous staff confidence survey.
public struct Survey: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case selfAssessment = "self-assessment"
        case staffConfidence = "staff-confidence"
    }

    public var id: String
    public var version: String
    public var kind: Kind
    public var catalogueID: String
    public var title: String
    public var introduction: String?
    public var roles: [Role]
    public var bands: [BandRule]
    public var profile: [ProfileChoice]
    public var sections: [Section]
    public var statements: [Statement]
    /// A self-assessment's limit on the objectives a drafted plan takes from the gaps (the rest
    /// are kept under review); nil for the drafter's default.
    public var maxObjectives: Int?
    /// A self-assessment's smallest group: by service area, the board sees only what at least this
    /// many officers answered (`ServiceAreaFolding`); nil for the default, 2.
    public var smallestGroup: Int?
    public var location: SourceLocation?

    public init(id: String, version: String, kind: Kind, catalogueID: String, title: String,
                introduction: String? = nil, roles: [Role] = [], bands: [BandRule] = [],
                profile: [ProfileChoice] = [], sections: [Section] = [], statements: [Statement] = [],
                maxObjectives: Int? = nil, smallestGroup: Int? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.version = version
        self.kind = kind
        self.catalogueID = catalogueID
        self.title = title
        self.introduction = introduction
        self.roles = roles
        self.bands = bands
        self.profile = profile
        self.sections = sections
        self.statements = statements
        self.maxObjectives = maxObjectives
        self.smallestGroup = smallestGroup
        self.location = location
    }

    public var questions: [Question] { sections.flatMap(\.questions) }

    public func question(_ id: String) -> Question? {
        for section in sections {
            if let q = section.questions.first(where: { $0.id == id }) { return q }
        }
        return nil
    }

    /// Finds a role by id or by its label, ignoring case.
    public func role(matching text: String) -> Role? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        return roles.first { $0.id.lowercased() == key || $0.label.lowercased() == key }
    }

    /// The sections a person in `roleID` answers, in order.
    public func sections(forRole roleID: String) -> [Section] {
        sections.filter { $0.roles.isEmpty || $0.roles.contains(roleID) }
    }

    public func roleLabel(_ id: String) -> String { roles.first { $0.id == id }?.label ?? id }
}

/// A role that answers some sections (for example `dso`, "Designated safeguarding officer").
public struct Role: Sendable, Hashable {
    public var id: String
    public var label: String
    /// The role that owns the action plan: its officer is document control's default owner.
    public var ownsPlan: Bool
    public init(id: String, label: String, ownsPlan: Bool = false) {
        self.id = id
        self.label = label
        self.ownsPlan = ownsPlan
    }
}

/// The questions about one standard, and the roles that answer them (empty: every role).
public struct Section: Sendable, Hashable {
    public var standardID: String
    public var roles: [String]
    public var questions: [Question]
    public var location: SourceLocation?

    public init(standardID: String, roles: [String], questions: [Question], location: SourceLocation? = nil) {
        self.standardID = standardID
        self.roles = roles
        self.questions = questions
        self.location = location
    }
}

/// A self-assessment question: rate one requirement on a scale, with evidence.
public struct Question: Sendable, Hashable {
    public var id: String
    public var requirementID: String
    public var scaleID: String
    public var isRequired: Bool
    public var evidenceRequired: Bool
    public var location: SourceLocation?

    public init(id: String, requirementID: String, scaleID: String, isRequired: Bool = true,
                evidenceRequired: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.requirementID = requirementID
        self.scaleID = scaleID
        self.isRequired = isRequired
        self.evidenceRequired = evidenceRequired
        self.location = location
    }
}

/// A staff confidence statement rated on an agreement scale.
public struct Statement: Sendable, Hashable {
    public var id: String
    public var text: String
    public var scaleID: String
    public var requirementID: String?
    public var targetPercent: Double?
    public var location: SourceLocation?

    public init(id: String, text: String, scaleID: String, requirementID: String? = nil,
                targetPercent: Double? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.text = text
        self.scaleID = scaleID
        self.requirementID = requirementID
        self.targetPercent = targetPercent
        self.location = location
    }
}

/// An anonymous profile question of the staff survey (service area, role).
public struct ProfileChoice: Sendable, Hashable {
    public var id: String
    public var label: String
    public var options: [(value: String, label: String)] {
        get { zip(values, labels).map { ($0, $1) } }
        set {
            values = newValue.map(\.value)
            labels = newValue.map(\.label)
        }
    }
    private var values: [String]
    private var labels: [String]

    public init(id: String, label: String, options: [(value: String, label: String)]) {
        self.id = id
        self.label = label
        self.values = options.map(\.value)
        self.labels = options.map(\.label)
    }
}
