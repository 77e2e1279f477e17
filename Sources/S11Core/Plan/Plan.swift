/// An organisation's safeguarding action plan, as the seeds lay it out: objectives grouped by
/// standard, each with actions (input, desired outcome, measure, lead, timescale), under
/// document control, with the summary of the audit it was drafted from.
public struct Plan: Sendable, Hashable, Codable {
    public var organisation: String
    public var title: String
    public var auditYear: Int
    public var periodStart: CalendarDate
    public var periodEnd: CalendarDate
    public var documentControl: DocumentControl
    public var results: PlanResults?
    public var standards: [PlanStandard]

    public init(organisation: String, title: String, auditYear: Int, periodStart: CalendarDate, periodEnd: CalendarDate,
                documentControl: DocumentControl, results: PlanResults?, standards: [PlanStandard]) {
        self.organisation = organisation
        self.title = title
        self.auditYear = auditYear
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.documentControl = documentControl
        self.results = results
        self.standards = standards
    }

    public var objectives: [Objective] { standards.flatMap(\.objectives) }
    public var actions: [PlanAction] { objectives.flatMap(\.actions) }
}

/// The seeds' document-control box.
public struct DocumentControl: Sendable, Hashable, Codable {
    public var owner: String
    public var author: String
    public var version: String
    public var lastReviewed: CalendarDate
    public var nextReviewDue: CalendarDate
    public var history: [Revision]

    public init(owner: String, author: String, version: String, lastReviewed: CalendarDate,
                nextReviewDue: CalendarDate, history: [Revision]) {
        self.owner = owner
        self.author = author
        self.version = version
        self.lastReviewed = lastReviewed
        self.nextReviewDue = nextReviewDue
        self.history = history
    }
}

/// One line of a plan's version history.
public struct Revision: Sendable, Hashable, Codable {
    public var version: String
    public var date: CalendarDate
    public var author: String
    public var note: String

    public init(version: String, date: CalendarDate, author: String, note: String) {
        self.version = version
        self.date = date
        self.author = author
        self.note = note
    }
}

/// The audit summary a board receives with the plan.
public struct PlanResults: Sendable, Hashable, Codable {
    public var catalogueID: String
    public var catalogueVersion: String
    public var returns: Int
    public var overall: Rating
    public var standards: [StandardResult]

    public init(catalogueID: String, catalogueVersion: String, returns: Int, overall: Rating, standards: [StandardResult]) {
        self.catalogueID = catalogueID
        self.catalogueVersion = catalogueVersion
        self.returns = returns
        self.overall = overall
        self.standards = standards
    }
}

/// One standard's result line in the plan's summary.
public struct StandardResult: Sendable, Hashable, Codable {
    public var standardID: String
    public var title: String
    public var rating: Rating
    public var gaps: Int

    public init(standardID: String, title: String, rating: Rating, gaps: Int) {
        self.standardID = standardID
        self.title = title
        self.rating = rating
        self.gaps = gaps
    }
}

/// The plan's objectives under one standard.
public struct PlanStandard: Sendable, Hashable, Codable {
    public var standardID: String
    public var title: String
    public var objectives: [Objective]

    public init(standardID: String, title: String, objectives: [Objective]) {
        self.standardID = standardID
        self.title = title
        self.objectives = objectives
    }
}

/// An objective and the actions that meet it.
public struct Objective: Sendable, Hashable, Codable {
    public var id: String
    public var requirementID: String?
    public var title: String
    /// What the audit found, in words (why this is a gap).
    public var finding: String?
    public var actions: [PlanAction]

    public init(id: String, requirementID: String?, title: String, finding: String?, actions: [PlanAction]) {
        self.id = id
        self.requirementID = requirementID
        self.title = title
        self.finding = finding
        self.actions = actions
    }
}

/// One action row: the seeds' action input, desired outcome, measure, lead and timescale.
public struct PlanAction: Sendable, Hashable, Codable {
    public var id: String
    public var status: ActionStatus?
    public var input: String
    public var outcome: String
    public var measure: String
    public var lead: Lead
    public var due: CalendarDate
    public var progress: String?

    public init(id: String, status: ActionStatus? = nil, input: String, outcome: String, measure: String,
                lead: Lead, due: CalendarDate, progress: String? = nil) {
        self.id = id
        self.status = status
        self.input = input
        self.outcome = outcome
        self.measure = measure
        self.lead = lead
        self.due = due
        self.progress = progress
    }
}

/// Who leads an action: a named officer, or a role where no officer is named.
public struct Lead: Sendable, Hashable, Codable {
    public var name: String
    public var role: String?
    public var serviceArea: String?

    public init(name: String, role: String? = nil, serviceArea: String? = nil) {
        self.name = name
        self.role = role
        self.serviceArea = serviceArea
    }
}

/// The seeds' action statuses.
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case blue = "B", green = "G", amber = "A", red = "R"

    public var meaning: String {
        switch self {
        case .blue: return "Action completed"
        case .green: return "On target"
        case .amber: return "Risk of not completing on time"
        case .red: return "High risk, remedial action needed"
        }
    }
}
