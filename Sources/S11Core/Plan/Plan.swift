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
    /// The plan's own opening paragraphs, under no heading (the 2021-22 seed's two sentences on
    /// the joint audit and the framework).
    public var introduction: [String]
    public var results: PlanResults?
    /// What the board should look at first, most pressing first (at most five): objectives whose
    /// requirement is Red or was moderated down, then the lowest rated, each with why.
    public var priorities: [PlanPriority]
    public var standards: [PlanStandard]
    /// The appendix: actions the previous plan completed (status B), with their measure and outcome.
    public var completed: [CompletedAction]
    /// The appendix: gaps beyond the plan's limit, with their findings.
    public var underReview: [ReviewArea]

    public init(organisation: String, title: String, auditYear: Int, periodStart: CalendarDate, periodEnd: CalendarDate,
                documentControl: DocumentControl, introduction: [String] = [], results: PlanResults?, priorities: [PlanPriority] = [],
                standards: [PlanStandard], completed: [CompletedAction] = [], underReview: [ReviewArea] = []) {
        self.organisation = organisation
        self.title = title
        self.auditYear = auditYear
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.documentControl = documentControl
        self.introduction = introduction
        self.results = results
        self.priorities = priorities
        self.standards = standards
        self.completed = completed
        self.underReview = underReview
    }

    /// Plans stored before the appendices, introduction and priorities existed still read: absent means none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(organisation: try c.decode(String.self, forKey: .organisation), title: try c.decode(String.self, forKey: .title),
                  auditYear: try c.decode(Int.self, forKey: .auditYear),
                  periodStart: try c.decode(CalendarDate.self, forKey: .periodStart),
                  periodEnd: try c.decode(CalendarDate.self, forKey: .periodEnd),
                  documentControl: try c.decode(DocumentControl.self, forKey: .documentControl),
                  introduction: try c.decodeIfPresent([String].self, forKey: .introduction) ?? [],
                  results: try c.decodeIfPresent(PlanResults.self, forKey: .results),
                  priorities: try c.decodeIfPresent([PlanPriority].self, forKey: .priorities) ?? [],
                  standards: try c.decode([PlanStandard].self, forKey: .standards),
                  completed: try c.decodeIfPresent([CompletedAction].self, forKey: .completed) ?? [],
                  underReview: try c.decodeIfPresent([ReviewArea].self, forKey: .underReview) ?? [])
    }

    public var objectives: [Objective] { standards.flatMap(\.objectives) }
    public var actions: [PlanAction] { objectives.flatMap(\.actions) }

    /// When `action` is due in this plan's period (`PlanAction.dueDate`).
    public func dueDate(of action: PlanAction) -> CalendarDate? { action.dueDate(periodStart: periodStart, periodEnd: periodEnd) }

    /// Past its due date on `day` and not completed; an action whose timescale names no time is never overdue.
    public func isOverdue(_ action: PlanAction, on day: CalendarDate) -> Bool {
        guard action.status != .blue, let due = dueDate(of: action) else { return false }
        return due < day
    }
}

/// The seeds' document-control box: every field as the plan states it, any of them absent where
/// the plan says nothing (the 2021-22 seed has only its key influences).
public struct DocumentControl: Sendable, Hashable, Codable {
    /// The document's own name, where it gives one ("Oxford City Council Safeguarding Action Plan 2015-16").
    public var document: String?
    public var owner: String?
    public var author: String?
    public var version: String?
    public var lastReviewed: CalendarDate?
    public var nextReviewDue: CalendarDate?
    public var notes: String?
    /// What the plan was drawn from ("Corporate Plan", "The Safeguarding Self-Assessment Audit", a
    /// serious case review), in the plan's order.
    public var keyInfluences: [String]
    public var history: [Revision]

    public init(document: String? = nil, owner: String?, author: String?, version: String?, lastReviewed: CalendarDate?,
                nextReviewDue: CalendarDate?, notes: String? = nil, keyInfluences: [String] = [], history: [Revision]) {
        self.document = document
        self.owner = owner
        self.author = author
        self.version = version
        self.lastReviewed = lastReviewed
        self.nextReviewDue = nextReviewDue
        self.notes = notes
        self.keyInfluences = keyInfluences
        self.history = history
    }

    /// Plans stored before the key influences existed still read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(document: try c.decodeIfPresent(String.self, forKey: .document), owner: try c.decodeIfPresent(String.self, forKey: .owner),
                  author: try c.decodeIfPresent(String.self, forKey: .author), version: try c.decodeIfPresent(String.self, forKey: .version),
                  lastReviewed: try c.decodeIfPresent(CalendarDate.self, forKey: .lastReviewed),
                  nextReviewDue: try c.decodeIfPresent(CalendarDate.self, forKey: .nextReviewDue),
                  notes: try c.decodeIfPresent(String.self, forKey: .notes),
                  keyInfluences: try c.decodeIfPresent([String].self, forKey: .keyInfluences) ?? [],
                  history: try c.decodeIfPresent([Revision].self, forKey: .history) ?? [])
    }
}

/// One line of a plan's version history; the date as a date, or in the plan's words where it
/// gives no year ("19 March").
public struct Revision: Sendable, Hashable, Codable {
    public var version: String
    public var date: CalendarDate?
    /// The date in words, where the plan does not give a whole date.
    public var when: String?
    public var author: String?
    public var note: String

    public init(version: String, date: CalendarDate?, when: String? = nil, author: String?, note: String) {
        self.version = version
        self.date = date
        self.when = when
        self.author = author
        self.note = note
    }

    /// The date as the plan gives it.
    public var dated: String { date?.iso ?? when ?? "" }

    /// The date for a reader: spelled out ("4 April 2015"), or the plan's own words.
    public var spelledDate: String { date?.spelledOut ?? when ?? "" }
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
    /// The organisation's own rating.
    public var rating: Rating
    /// The band after moderation, when the standard was moderated (or a requirement of it on the scale).
    public var moderated: Rag?
    /// The percentage with the panel's scores in place of the self scores, when a requirement of
    /// the standard was moderated on the scale.
    public var moderatedPercent: Double?
    public var gaps: Int

    public init(standardID: String, title: String, rating: Rating, moderated: Rag? = nil, moderatedPercent: Double? = nil, gaps: Int) {
        self.standardID = standardID
        self.title = title
        self.rating = rating
        self.moderated = moderated
        self.moderatedPercent = moderatedPercent
        self.gaps = gaps
    }

    /// The moderated rating in words ("75% Green", or the band alone), or "-" when not moderated.
    public var moderatedText: String {
        guard let moderated else { return "-" }
        return moderatedPercent.map { PercentText.format($0) + "% " + moderated.label } ?? moderated.label
    }
}

/// The plan's objectives under one standard; with no standard, objectives that sit under none
/// (the 2015-16 seed's learning points).
public struct PlanStandard: Sendable, Hashable, Codable {
    public var standardID: String?
    public var title: String?
    public var objectives: [Objective]

    public init(standardID: String?, title: String?, objectives: [Objective]) {
        self.standardID = standardID
        self.title = title
        self.objectives = objectives
    }

    /// "S1 Leadership, strategy and working together"; nil for objectives under no standard.
    public var heading: String? {
        let words = [standardID, title].compactMap { $0 }
        return words.isEmpty ? nil : words.joined(separator: " ")
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
    /// Where an objective that is not an audit gap came from ("Serious case review learning
    /// point", "Board priority"); nil for one drafted from the audit.
    public var source: String?
    /// Changes to the objective itself since drafting (its title and finding, actions added,
    /// removed or merged), oldest first.
    public var history: [ActionChange]

    public init(id: String, requirementID: String?, title: String, finding: String?, actions: [PlanAction], source: String? = nil,
                history: [ActionChange] = []) {
        self.id = id
        self.requirementID = requirementID
        self.title = title
        self.finding = finding
        self.actions = actions
        self.source = source
        self.history = history
    }

    /// Plans stored before the source and history existed still read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), requirementID: try c.decodeIfPresent(String.self, forKey: .requirementID),
                  title: try c.decode(String.self, forKey: .title), finding: try c.decodeIfPresent(String.self, forKey: .finding),
                  actions: try c.decode([PlanAction].self, forKey: .actions), source: try c.decodeIfPresent(String.self, forKey: .source),
                  history: try c.decodeIfPresent([ActionChange].self, forKey: .history) ?? [])
    }
}

/// Who leads an action: a named officer, or a role where no officer is named, with their own
/// progress and status where the board tracks each lead. A drafted action has one accountable
/// lead and at most two supporting ("with"); a plan of the council's own may name several leads.
public struct Lead: Sendable, Hashable, Codable {
    public var name: String
    public var role: String?
    public var serviceArea: String?
    public var status: ActionStatus?
    public var progress: String?
    /// Named "with" the accountable lead: works on the action without answering for it.
    public var isSupporting: Bool

    public init(name: String, role: String? = nil, serviceArea: String? = nil, status: ActionStatus? = nil, progress: String? = nil,
                isSupporting: Bool = false) {
        self.name = name
        self.role = role
        self.serviceArea = serviceArea
        self.status = status
        self.progress = progress
        self.isSupporting = isSupporting
    }

    private enum CodingKeys: String, CodingKey { case name, role, serviceArea, status, progress, isSupporting }

    /// Leads stored before supporting leads existed read as leads.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), role: try c.decodeIfPresent(String.self, forKey: .role),
                  serviceArea: try c.decodeIfPresent(String.self, forKey: .serviceArea),
                  status: try c.decodeIfPresent(ActionStatus.self, forKey: .status), progress: try c.decodeIfPresent(String.self, forKey: .progress),
                  isSupporting: try c.decodeIfPresent(Bool.self, forKey: .isSupporting) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(serviceArea, forKey: .serviceArea)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(progress, forKey: .progress)
        if isSupporting { try c.encode(true, forKey: .isSupporting) }
    }

    /// As a line of leads names it: "Cara Cole (Housing)", or "with Ben Birch" for a supporting one.
    public var inLine: String { (isSupporting ? "with " : "") + described }

    /// A lead as typed in a line of leads: "with NAME" is a supporting lead.
    public static func typed(_ text: String) -> (name: String, isSupporting: Bool) {
        guard text.lowercased().hasPrefix("with ") else { return (text, false) }
        return (String(text.dropFirst(5)).trimmingCharacters(in: .whitespaces), true)
    }

    /// The names in a line of several leads, separated by ";" ("Dani Granito; Laura Jones").
    public static func names(in line: String) -> [String] {
        line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The name with the service area led: "Cara Cole (Housing)".
    public var described: String { serviceArea.map { "\(name) (\($0))" } ?? name }
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
